import { isSnapshot } from './config.ts';
import type { Entry, Maintenance } from './model.ts';
import type { Position } from './problems.ts';
import type { Config } from './schema/config.ts';
import { RECOMMENDED_SECTIONS } from './schema/postmortem.ts';
import { isPromiseBroken } from './rules/incident.ts';
import { isActiveMaintenance, maintenanceStatus } from './rules/maintenance.ts';
import { DAY, formatUtc, frontmatterTime } from './time.ts';

export interface ContentWarning extends Position {
  file: string;
  message: string;
  hint: string;
}

/** Something dated after `now`, which the site leaves out until a build after that time. */
interface Pending extends Position {
  file: string;
  what: string;
  at: Date;
  hint: string;
}

/** The updates and the post-mortem of an entry dated after `now`. */
function notYetPublished(e: Entry, now: Date): Pending[] {
  const items: Pending[] = e.updates
    .filter((u) => u.at > now)
    .map((u) => ({ file: e.file, line: u.line, column: 1, what: `The update "${u.label}"`, at: u.at, hint: 'Times without a zone are UTC: if you wrote your local time, add its offset (such as +01:00) or convert it to UTC.' }));
  const pm = e.postmortem;
  if (pm?.published && !pm.draft && pm.published > now) {
    items.push({ file: pm.file, line: pm.publishedLine, column: 1, what: 'The post-mortem', at: pm.published, hint: 'It appears on the first build after that time; set published to now to show it at once.' });
  }
  return items;
}

/**
 * A snapshot (`site.as_of`) never moves on, so anything dated after it would never be shown: an
 * error, for the operator who posts on a copy of the example and forgets the line.
 */
export function snapshotErrors(entries: readonly Entry[], config: Config, now: Date): ContentWarning[] {
  if (!isSnapshot(config, now)) return [];
  return entries.flatMap((e) =>
    notYetPublished(e, now).map(({ what, at, ...item }) => ({
      ...item,
      message: `${what} is dated ${formatUtc(at)}, after the moment the site shows (site.as_of: ${formatUtc(now)}): customers would never see it.`,
      hint: 'Remove site.as_of from candor.config.yaml for a live status page (it keeps the example at one moment).',
    })),
  );
}

/**
 * What is valid but worth a responder's attention: a broken next-update promise, maintenance
 * announced with short notice, a post-mortem missing a recommended section. Warnings never fail.
 */
export function contentWarnings(entries: readonly Entry[], config: Config, now: Date): ContentWarning[] {
  const out: ContentWarning[] = [];
  for (const e of entries) {
    if (!isSnapshot(config, now)) {
      for (const { what, at, ...item } of notYetPublished(e, now)) {
        out.push({ ...item, message: `${what} is dated ${formatUtc(at)}, in the future: customers will not see it until then.` });
      }
    }
    if (e.kind === 'incident' && e.updates.length > 0 && e.started > e.updates[e.updates.length - 1]!.at) {
      out.push({
        file: e.file,
        line: e.lines['started'] ?? 1,
        column: 1,
        message: `started (${formatUtc(e.started)}) is after the first update (${formatUtc(e.updates[e.updates.length - 1]!.at)}).`,
        hint: 'started is when customers were first affected: usually at or before the first update.',
      });
    }
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
    if (e.kind === 'maintenance') out.push(...maintenanceWarnings(e, config, now));
    const pm = e.postmortem;
    if (pm?.draft) {
      out.push({
        file: pm.file,
        line: pm.publishedLine,
        column: 1,
        message: 'The post-mortem is a draft: customers do not see it, and the incident page does not link to it.',
        hint: `When every section is written, ${pm.published ? 'remove "draft: true"' : `add "published: ${frontmatterTime(now)}" (the time you publish it) to its frontmatter`}.`,
      });
    } else if (pm) {
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

/** A window past its end within this long that was never closed draws a warning. */
export const UNCLOSED_WINDOW_DAYS = 30;

function maintenanceWarnings(m: Maintenance, config: Config, now: Date): ContentWarning[] {
  const out: ContentWarning[] = [];
  const hours = (m.scheduledUntil.getTime() - m.scheduledFor.getTime()) / 3_600_000;
  const limit = config.maintenance.max_window_hours;
  if (hours > limit) {
    out.push({
      file: m.file,
      line: m.lines['scheduled_until'] ?? 1,
      column: 1,
      message: `The maintenance window lasts ${Math.round(hours * 10) / 10} hours, longer than the ${limit} hours configured as the limit.`,
      hint: 'Split the work into shorter windows, or raise maintenance.max_window_hours in candor.config.yaml if long windows are normal for you.',
    });
  }
  const ended = now.getTime() - m.scheduledUntil.getTime();
  const closed = m.updates.some((u) => u.status === 'completed' || u.status === 'cancelled');
  const updatedDuring = m.updates.some((u) => u.at >= m.scheduledFor && u.at <= now);
  if (ended > 0 && isActiveMaintenance(m, now)) {
    out.push({
      file: m.file,
      line: m.updates[0]!.line,
      column: 1,
      message: `The maintenance is still open (${maintenanceStatus(m, now).replace('_', ' ')}) ${formatNotice(ended)} after its window ended at ${formatUtc(m.scheduledUntil)}: its components show as under maintenance until it is completed.`,
      hint: 'Post a "Completed" update when the work is done, or an "Update" that says when it will be.',
    });
  } else if (ended > 0 && ended < UNCLOSED_WINDOW_DAYS * DAY && !closed && !updatedDuring) {
    out.push({
      file: m.file,
      line: m.updates[0]!.line,
      column: 1,
      message: `The maintenance window ended at ${formatUtc(m.scheduledUntil)} and was never updated or completed.`,
      hint: 'Post a "Completed" update that says how it went (or "Cancelled" if it did not happen), so customers know it is over.',
    });
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
