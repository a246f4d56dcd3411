// The Italian catalogue: the keys of messages/en.ts, in Italian.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': 'Stato di {site}',
  'nav.skip': 'Vai al contenuto',
  'nav.site': 'Sito',
  'nav.history': 'Cronologia',
  'nav.maintenance': 'Manutenzione',
  'nav.subscribe': 'Iscriviti',
  'nav.support': 'Assistenza',
  'theme.toggle': 'Tema',
  'theme.dark': 'Tema scuro',
  'theme.light': 'Tema chiaro',
  'theme.switchDark': 'Passa al tema scuro',
  'theme.switchLight': 'Passa al tema chiaro',
  'footer.generated': 'Generato il {time}. Realizzato con Candor.',
} satisfies Catalogue;
