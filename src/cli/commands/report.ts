import { formatUtc } from '../../core/time.ts';
import { translator } from '../../i18n/translate.ts';
import { communicationReport, periodLabel, reportRows } from '../../views/report.ts';
import { type CliContext, requireProject } from '../context.ts';

/** `candor report [--json]`: how the team communicated over the last 90 days and the last year. */
export function report(ctx: CliContext, json: boolean): number {
  const project = requireProject(ctx);
  const periods = communicationReport(project.entries, project.config, ctx.now);
  if (json) {
    ctx.out(JSON.stringify({ now: ctx.now.toISOString(), periods }, null, 2));
    return 0;
  }
  const t = translator('en');
  const rows = reportRows(periods, t);
  const head = ['', ...periods.map((p) => periodLabel(p, t))];
  const width = (i: number) => Math.max(...[head[i]!, ...rows.map((r) => (i === 0 ? r.label : r.values[i - 1]!))].map((s) => s.length));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width(i))).join('   ').trimEnd();
  ctx.out([`Communication report at ${formatUtc(ctx.now)}`, '', line(head), ...rows.map((r) => line([r.label, ...r.values]))].join('\n'));
  return 0;
}
