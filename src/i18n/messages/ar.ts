// The Arabic catalogue: the keys of messages/en.ts, in Arabic.
import type { Catalogue } from '../translate.ts';

export default {
  'site.title': 'حالة {site}',
  'nav.skip': 'انتقل إلى المحتوى',
  'nav.site': 'الموقع',
  'nav.history': 'السجل',
  'nav.maintenance': 'الصيانة',
  'nav.subscribe': 'اشترك',
  'nav.support': 'الدعم',
  'theme.toggle': 'المظهر',
  'theme.dark': 'المظهر الداكن',
  'theme.light': 'المظهر الفاتح',
  'theme.switchDark': 'التبديل إلى المظهر الداكن',
  'theme.switchLight': 'التبديل إلى المظهر الفاتح',
  'footer.generated': 'أُنشئت في {time}. مدعومة بـ Candor.',
} satisfies Catalogue;
