import type { Entry } from './model.ts';
import type { Position } from './problems.ts';
import { RECOMMENDED_SECTIONS } from './schema/postmortem.ts';
import type { Config } from './schema/config.ts';
import { isPromiseBroken } from './rules/incident.ts';
import { DAY, formatUtc } from './time.ts';

export interface ContentWarning extends Position {
  file: string;
  message: string;
  hint?: string;
}

/**
 * What is valid but worth a responder's attention: a broken next-update promise, maintenance
 * announced with short notice, a post-mortem missing a recommended section. Warnings never fail.
 */
export function contentWarnings(entries: readonly Entry[], config: Config, now: Date): ContentWarning[] {
  const out: ContentWarning[] = [];
  for (const e of entries) {
    if (e.kind === 'incident' && isPromiseBroken(e, now)) {
      out.push({
        file: e.file,
        line: e.lines['next_update'] ?? 1,
        column: 1,
        message: `The next update was promised for ${formatUtc(e.nextUpdate!)} and is overdue: the page shows it as late.`,
        hint: 'Post an update now, and set next_update to when the following one will come (or remove it).',
      });
    }
    if (e.kind === 'maintenance' && e.scheduledUntil > now) {
      const announced = e.updates[e.updates.length - 1]!.at;
      const notice = e.scheduledFor.getTime() - announced.getTime();
      const days = config.maintenance.notice_days;
      if (notice < days * DAY) {
        out.push({
          file: e.file,
          line: e.lines['scheduled_for'] ?? 1,
          column: 1,
          message: `The maintenance is announced ${formatNotice(notice)} before it starts; customers should hear at least ${days} days ahead.`,
          hint: 'Move the window later if you can; otherwise say in the announcement why it is short notice.',
        });
      }
    }
    const pm = e.postmortem;
    if (pm) {
      const have = pm.sections.map((s) => s.toLowerCase());
      const missing = RECOMMENDED_SECTIONS.filter((s) => !have.some((h) => h.startsWith(s.toLowerCase())));
      if (missing.length) {
        out.push({
          file: pm.file,
          line: 1,
          message: `The post-mortem has no ${missing.map((m) => `"${m}"`).join(', ')} section${missing.length > 1 ? 's' : ''}.`,
          hint: `Add "## ${missing[0]}" and say ${SECTION_PURPOSE[missing[0]!]}.`,
        });
      }
    }
  }
  return out;
}

const SECTION_PURPOSE: Record<string, string> = {
  Summary: 'what happened, in two or three sentences',
  Impact: 'who was affected, how, and for how long',
  'Root cause': 'why it happened',
  Resolution: 'how it was fixed',
  Prevention: 'what will stop it happening again',
};

function formatNotice(ms: number): string {
  if (ms <= 0) return 'only after it started';
  const hours = ms / 3_600_000;
  return hours < 72 ? `${Math.round(hours)} hours` : `${Math.round(hours / 24)} days`;
}
