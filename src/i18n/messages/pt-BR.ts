// The Brazilian Portuguese catalogue: the keys of messages/en.ts, in Brazilian Portuguese.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': 'Status de {site}',
  'nav.skip': 'Pular para o conteúdo',
  'nav.site': 'Site',
  'nav.history': 'Histórico',
  'nav.maintenance': 'Manutenção',
  'nav.subscribe': 'Inscrever-se',
  'nav.support': 'Suporte',
  'theme.toggle': 'Tema',
  'theme.dark': 'Tema escuro',
  'theme.light': 'Tema claro',
  'theme.switchDark': 'Mudar para o tema escuro',
  'theme.switchLight': 'Mudar para o tema claro',
  'footer.generated': 'Gerado em {time}. Feito com Candor.',
} satisfies Catalogue;
