// Everything of Candor's own that the pages, layouts and components use, and the only module of it
// they import. A build loads it as one bundle of plain JavaScript (src/core/bundled-module.mjs), made
// once for its sources, rather than having Vite bundle its sixty modules again for the pages:
// src/integrations/site-build.ts. A dev server serves it as it serves any module.
export type { PageStatus } from '../core/rules/status.ts';
export type { Entry, Postmortem } from '../core/model.ts';
export type { ComponentConfig, Config } from '../core/schema/config.ts';
export type { EntrySummary } from '../views/entries.ts';
export type { EntryContext } from '../views/entry-card.ts';
export type { Listed } from '../views/home.ts';
export type { PageFrame } from '../views/layout.ts';
export type { MaintenancePage } from '../views/maintenance-pages.ts';
export { isSnapshot } from '../core/config.ts';
export { startOf } from '../core/entries.ts';
export { PARTIAL_OUTAGE_WEIGHT } from '../core/rules/uptime.ts';
export { htmlLang, LANGUAGES } from '../i18n/languages.ts';
export { entryPagePaths, FRAME_ID, updatesPagePaths } from './entry-pages.ts';
export { componentPathsInEveryLanguage, getSite, inEveryLanguage, languagePaths, siteFileRoute } from './site.ts';
export { statusBoardMarkup, uptimeBar } from '../views/board.ts';
export { summarize } from '../views/entries.ts';
export { entryCard, entryStatus } from '../views/entry-card.ts';
export { entryFrame, entryMain, postmortemAside, updatesFrame, updatesMain } from '../views/entry-page.ts';
export { formatIn, MONTH } from '../views/format.ts';
export { groupByMonth, HISTORY_PAGE_SIZE } from '../views/history.ts';
export { historyHref, homeView } from '../views/home.ts';
export { INDICATOR_TONE } from '../views/labels.ts';
export { FRAME_PARTS, headTags, languageNav, liveData, siteTitle } from '../views/layout.ts';
export { maintenancePages } from '../views/maintenance-pages.ts';
export { componentStatusLabel, escapeText, link, message, pager, statusIcon, timeElement, untranslatedNote } from '../views/markup.ts';
export { communicationReport, periodLabel, reportRows } from '../views/report.ts';
export { subscribeSections } from '../views/subscribe.ts';
export { href, paths } from '../views/urls.ts';
export { widgetWords } from '../widget/words.ts';
