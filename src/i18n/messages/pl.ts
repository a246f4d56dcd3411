// The Polish catalogue: the keys of messages/en.ts, in Polish.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': 'Status {site}',
  'nav.skip': 'Przejdź do treści',
  'nav.site': 'Witryna',
  'nav.history': 'Historia',
  'nav.maintenance': 'Prace serwisowe',
  'nav.subscribe': 'Subskrybuj',
  'nav.support': 'Pomoc',
  'theme.toggle': 'Motyw',
  'theme.dark': 'Motyw ciemny',
  'theme.light': 'Motyw jasny',
  'theme.switchDark': 'Przełącz na motyw ciemny',
  'theme.switchLight': 'Przełącz na motyw jasny',
  'footer.generated': 'Wygenerowano {time}. Działa dzięki Candor.',
} satisfies Catalogue;
