// The Spanish catalogue: the keys of messages/en.ts, in Spanish.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': 'Estado de {site}',
  'nav.skip': 'Saltar al contenido',
  'nav.site': 'Sitio',
  'nav.history': 'Historial',
  'nav.maintenance': 'Mantenimiento',
  'nav.subscribe': 'Suscribirse',
  'nav.support': 'Soporte',
  'theme.toggle': 'Tema',
  'theme.dark': 'Tema oscuro',
  'theme.light': 'Tema claro',
  'theme.switchDark': 'Cambiar al tema oscuro',
  'theme.switchLight': 'Cambiar al tema claro',
  'footer.generated': 'Generado el {time}. Creado con Candor.',
} satisfies Catalogue;
