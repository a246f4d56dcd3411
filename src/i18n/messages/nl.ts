// The Dutch catalogue: the keys of messages/en.ts, in Dutch.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': 'Status van {site}',
  'nav.skip': 'Naar de inhoud',
  'nav.site': 'Site',
  'nav.history': 'Geschiedenis',
  'nav.maintenance': 'Onderhoud',
  'nav.subscribe': 'Abonneren',
  'nav.support': 'Ondersteuning',
  'theme.toggle': 'Thema',
  'theme.dark': 'Donker thema',
  'theme.light': 'Licht thema',
  'theme.switchDark': 'Overschakelen naar het donkere thema',
  'theme.switchLight': 'Overschakelen naar het lichte thema',
  'footer.generated': 'Gegenereerd op {time}. Gemaakt met Candor.',
} satisfies Catalogue;
