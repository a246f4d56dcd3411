import type { UptimeDay } from '../core/rules/uptime.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { duration, type Translator } from '../i18n/translate.ts';

/** "99.95%" ("99,95 %" in German): floored, so any downtime never shows as 100.00%. */
export function formatUptime(ratio: number | null, t: Translator): string {
  if (ratio === null) return t('uptime.noData');
  return t('uptime.ratio', { ratio: Math.floor(ratio * 10_000) / 10_000 });
}

const PARTS = ['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance'] as const;
const lists = new Map<string, Intl.ListFormat>();

/** What a day cell says: "No downtime", or each status with its time, worst first. */
export function describeDay(day: UptimeDay, t: Translator): string {
  if (day.worst === 'no_data') return t('uptime.day.noData');
  const parts = PARTS.filter((k) => day.minutes[k] > 0).map((k) => t('uptime.day.part', { status: k, duration: duration(t, day.minutes[k] * 60_000) }));
  if (parts.length === 0) return t(day.entries.length ? 'uptime.day.noDowntimeRecorded' : 'uptime.day.noDowntime');
  const { locale } = LANGUAGES[t.language];
  let list = lists.get(locale);
  if (!list) lists.set(locale, (list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' })));
  const text = list.format(parts);
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
