import type { Entry, Incident, Maintenance } from '../core/model.ts';
import { isPublished } from '../core/rules/postmortem.ts';
import { communicationRecord } from '../core/rules/promises.ts';
import type { Config } from '../core/schema/config.ts';
import { DAY } from '../core/time.ts';
import { duration, type Translator } from '../i18n/translate.ts';

/** The numbers a team puts in its own review, over one period. */
export interface ReportPeriod {
  label: string;
  days: 90 | 365;
  from: string;
  incidents: number;
  /** Minutes from start to the first public update. */
  firstUpdate: { median: number; worst: number } | null;
  promises: { kept: number; due: number };
  /** Major and critical incidents, resolved, with their post-mortem published. */
  postmortems: { published: number; of: number };
  /** Maintenance in the period announced at least `maintenance.notice_days` ahead. */
  maintenanceNotice: { enough: number; of: number; days: number };
}


function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** `candor report`: the last 90 days and the last year, from the files alone. */
export function communicationReport(entries: readonly Entry[], config: Config, now: Date): ReportPeriod[] {
  return [
    { label: 'Last 90 days', days: 90 as const },
    { label: 'Last year', days: 365 as const },
  ].map(({ label, days }) => {
    const from = new Date(now.getTime() - days * DAY);
    const shown = entries.filter((e) => !e.draft && e.updates.some((u) => u.at <= now));
    const incidents = shown.filter((e): e is Incident => e.kind === 'incident' && e.started >= from && e.started <= now);
    const records = incidents.map((i) => communicationRecord(i, now));
    const firsts = records.map((r) => Math.round(r.firstUpdateMs / 60_000));
    const serious = incidents.filter((i) => (i.impact === 'major' || i.impact === 'critical') && i.updates.some((u) => u.status === 'resolved' && u.at <= now));
    const maintenance = shown.filter((e): e is Maintenance => e.kind === 'maintenance' && e.scheduledFor >= from && e.scheduledFor <= now);
    const notice = config.maintenance.notice_days * DAY;
    return {
      label,
      days,
      from: from.toISOString(),
      incidents: incidents.length,
      firstUpdate: firsts.length ? { median: median(firsts), worst: Math.max(...firsts) } : null,
      promises: { kept: records.reduce((n, r) => n + r.kept, 0), due: records.reduce((n, r) => n + r.due, 0) },
      postmortems: { published: serious.filter((i) => isPublished(i.postmortem, now)).length, of: serious.length },
      maintenanceNotice: {
        enough: maintenance.filter((m) => m.scheduledFor.getTime() - m.updates[m.updates.length - 1]!.at.getTime() >= notice).length,
        of: maintenance.length,
        days: config.maintenance.notice_days,
      },
    };
  });
}

/** A period's name in the translator's words ("Last 90 days"). */
export const periodLabel = (p: ReportPeriod, t: Translator) => t(p.days === 90 ? 'report.last90' : 'report.lastYear');

/** The report's rows, as label and one text per period: for the CLI table and the history page. */
export function reportRows(periods: readonly ReportPeriod[], t: Translator): { label: string; values: string[] }[] {
  const share = (n: number, of: number) => (of === 0 ? t('report.none') : t('report.share', { n, of, share: n / of }));
  const minutes = (m: number) => duration(t, m * 60_000);
  return [
    { label: t('report.incidents'), values: periods.map((p) => String(p.incidents)) },
    { label: t('report.firstUpdate'), values: periods.map((p) => (p.firstUpdate ? `${minutes(p.firstUpdate.median)} / ${minutes(p.firstUpdate.worst)}` : t('report.none'))) },
    { label: t('report.promises'), values: periods.map((p) => share(p.promises.kept, p.promises.due)) },
    { label: t('report.postmortems'), values: periods.map((p) => share(p.postmortems.published, p.postmortems.of)) },
    { label: t('report.notice', { days: periods[0]?.maintenanceNotice.days ?? 7 }), values: periods.map((p) => share(p.maintenanceNotice.enough, p.maintenanceNotice.of)) },
  ];
}
