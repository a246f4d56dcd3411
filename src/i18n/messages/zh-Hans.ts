// The Simplified Chinese catalogue: the keys of messages/en.ts, in Simplified Chinese.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': '{site} 状态',
  'nav.skip': '跳至内容',
  'nav.site': '网站',
  'nav.history': '历史记录',
  'nav.maintenance': '维护',
  'nav.subscribe': '订阅',
  'nav.support': '支持',
  'theme.toggle': '主题',
  'theme.dark': '深色主题',
  'theme.light': '浅色主题',
  'theme.switchDark': '切换到深色主题',
  'theme.switchLight': '切换到浅色主题',
  'footer.generated': '生成于 {time}。由 Candor 提供支持。',
} satisfies Catalogue;
