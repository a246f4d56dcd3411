// The Japanese catalogue: the keys of messages/en.ts, in Japanese.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': '{site} ステータス',
  'nav.skip': 'コンテンツへスキップ',
  'nav.site': 'サイト',
  'nav.history': '履歴',
  'nav.maintenance': 'メンテナンス',
  'nav.subscribe': '購読',
  'nav.support': 'サポート',
  'theme.toggle': 'テーマ',
  'theme.dark': 'ダークテーマ',
  'theme.light': 'ライトテーマ',
  'theme.switchDark': 'ダークテーマに切り替える',
  'theme.switchLight': 'ライトテーマに切り替える',
  'footer.generated': '{time} に生成。Candor で作成。',
} satisfies Catalogue;
