import type { UptimeDay } from '../core/rules/uptime.ts';
import { formatDuration } from '../core/rules/incident.ts';

/** "99.95%": floored, so any downtime never shows as 100.00%. */
export function formatUptime(ratio: number | null): string {
  if (ratio === null) return 'No data yet';
  return `${(Math.floor(ratio * 10_000) / 100).toFixed(2)}%`;
}

const PARTS: [keyof UptimeDay['minutes'], string][] = [
  ['major_outage', 'major outage'],
  ['partial_outage', 'partial outage'],
  ['degraded_performance', 'degraded performance'],
  ['under_maintenance', 'maintenance'],
];

/** What a day cell says: "No downtime", or each status with its time, worst first. */
export function describeDay(day: UptimeDay): string {
  if (day.worst === 'no_data') return 'No data';
  const parts = PARTS.filter(([k]) => day.minutes[k] > 0).map(([k, label]) => `${label} ${formatDuration(day.minutes[k] * 60_000)}`);
  if (parts.length === 0) return day.entries.length ? 'No downtime recorded' : 'No downtime';
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
