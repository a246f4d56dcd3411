import { formatDuration } from '../../core/rules/incident.ts';
import { formatUtc } from '../../core/time.ts';
import { type OnCallEntry, onCallStatus } from '../../views/on-call.ts';
import { type CliContext, requireProject } from '../context.ts';

const ago = (m: number) => (m <= 0 ? 'just now' : `${formatDuration(m * 60_000)} ago`);
const at = (iso: string) => formatUtc(new Date(iso));

function entryLines(e: OnCallEntry): string[] {
  const lines = [`  ${e.title} (${e.id})`];
  const facts = [e.status];
  if (e.window) facts.push(`window ${at(e.window.from)} to ${at(e.window.until)}`);
  else facts.push(`started ${at(e.started)}`);
  facts.push(e.minutesSinceLastUpdate === null ? 'no update yet' : `last update ${ago(e.minutesSinceLastUpdate)}`);
  lines.push(`    ${facts.join(' · ')}`);
  if (e.promise) {
    const when = e.promise.state !== 'overdue' ? `due in ${formatDuration(Math.max(0, e.promise.minutesUntilDue) * 60_000)}` : `OVERDUE by ${formatDuration(Math.max(0, -e.promise.minutesUntilDue) * 60_000)}`;
    lines.push(`    Next update promised by ${at(e.promise.due)}: ${when}${e.promise.state === 'due-soon' ? ' (due soon)' : ''}`);
  } else if (e.kind === 'incident') lines.push('    No next-update promise: say when customers will hear next.');
  if (e.window?.leftOpen) lines.push('    The window is over and no Completed update says so.');
  lines.push(`    Owners: ${e.owners.length ? e.owners.join(', ') : 'none named (set communication.owners, or owner: in the file)'}`);
  lines.push(`    ${e.window?.leftOpen ? 'Close it' : e.kind === 'maintenance' ? 'Post an update' : 'Post the next update'}: ${e.command}`);
  return lines;
}

/** `candor status [--json]`: for the on-call, what is open and what is owed to customers. */
export function status(ctx: CliContext, json: boolean): number {
  const project = requireProject(ctx);
  const report = onCallStatus(project.entries, project.config, ctx.now);
  if (json) {
    ctx.out(JSON.stringify(report, null, 2));
    return 0;
  }
  const out = [`Status at ${formatUtc(ctx.now)}`, ''];
  out.push(report.incidents.length ? `Open incidents (${report.incidents.length}):` : 'No open incident.');
  for (const e of report.incidents) out.push(...entryLines(e), '');
  if (report.incidents.length === 0) out.push('');
  out.push(report.maintenance.length ? `Maintenance in progress, left open or coming (${report.maintenance.length}):` : 'No maintenance in progress or coming.');
  for (const e of report.maintenance) out.push(...entryLines(e), '');
  ctx.out(out.join('\n').trimEnd());
  return 0;
}
