// The German catalogue: the keys of messages/en.ts, in German.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': 'Status von {site}',
  'nav.skip': 'Zum Inhalt springen',
  'nav.site': 'Website',
  'nav.history': 'Verlauf',
  'nav.maintenance': 'Wartung',
  'nav.subscribe': 'Abonnieren',
  'nav.support': 'Hilfe',
  'theme.toggle': 'Design',
  'theme.dark': 'Dunkles Design',
  'theme.light': 'Helles Design',
  'theme.switchDark': 'Zum dunklen Design wechseln',
  'theme.switchLight': 'Zum hellen Design wechseln',
  'footer.generated': 'Stand: {time}. Erstellt mit Candor.',
} satisfies Catalogue;
