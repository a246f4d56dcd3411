// The French catalogue: the keys of messages/en.ts, in French.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': 'État de {site}',
  'nav.skip': 'Aller au contenu',
  'nav.site': 'Site',
  'nav.history': 'Historique',
  'nav.maintenance': 'Maintenance',
  'nav.subscribe': 'S’abonner',
  'nav.support': 'Assistance',
  'theme.toggle': 'Thème',
  'theme.dark': 'Thème sombre',
  'theme.light': 'Thème clair',
  'theme.switchDark': 'Passer au thème sombre',
  'theme.switchLight': 'Passer au thème clair',
  'footer.generated': 'Généré le {time}. Propulsé par Candor.',
} satisfies Catalogue;
