import { PAGE_DESCRIPTIONS, type PageState } from '../core/rules/status.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translate.ts';

/** The widget's words in one language, built into that language's widget.js. */
export interface WidgetWords {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The API's (English, Statuspage's) page description → the banner's words for it. */
  states: Record<string, string>;
  maintenance: string;
  details: string;
  dismiss: string;
}

export function widgetWords(t: Translator): WidgetWords {
  const states = Object.fromEntries((Object.keys(PAGE_DESCRIPTIONS) as PageState[]).map((state) => [PAGE_DESCRIPTIONS[state], t('banner.state', { state })]));
  return { lang: t.language, dir: LANGUAGES[t.language].dir, states, maintenance: t('home.maintenanceNow'), details: t('widget.details'), dismiss: t('widget.dismiss') };
}
