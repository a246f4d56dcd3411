import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { problemLine } from '../../authoring/preview.ts';
import { publishedEntry } from '../../core/entries.ts';
import { loadProject } from '../../core/load.ts';
import type { Entry } from '../../core/model.ts';
import { formatUtc, parseTime } from '../../core/time.ts';
import { notificationEvents, teamEvents } from '../../notify/events.ts';
import { emptyLedger, pruneLedger, serializeLedger } from '../../notify/ledger.ts';
import { fileStore, gitBranchStore, type LedgerStore } from '../../notify/ledger-store.ts';
import { maxAgeMs, planDeliveries, planTeamReminders } from '../../notify/plan.ts';
import { outcomesSummary, renderOutcomes, renderPlan } from '../../notify/report.ts';
import { sendPlans } from '../../notify/send.ts';
import { type CliContext, UsageError } from '../context.ts';

export interface NotifyFlags {
  dryRun?: boolean | undefined;
  ledger?: string | undefined;
  /** When the deployed site was built: what is dated later is not on it yet, and waits for the next run. */
  builtAt?: string | undefined;
  /** Tests: no pause between messages, short waits. */
  fast?: boolean;
}

/**
 * `candor notify`: sends every update that went live since the last run to every channel, once,
 * and records each delivery in the ledger. Run after the deploy, so that the links work.
 */
export async function notify(ctx: CliContext, flags: NotifyFlags): Promise<number> {
  const loaded = loadProject(ctx.root, ctx.now);
  if (!loaded.project) {
    ctx.err(`Nothing was sent: the project does not pass the check.\n${loaded.problems.errors.map(problemLine).join('\n')}`);
    return 1;
  }
  const { config } = loaded.project;
  if (config.notifications.length === 0 && config.team_notifications.length === 0) {
    ctx.out('No notification channels are configured (notifications: or team_notifications: in candor.config.yaml): nothing to send.');
    return 0;
  }
  // The site shows what was dated up to its build: a link to anything later would lead nowhere yet.
  let shown = ctx.now;
  if (flags.builtAt !== undefined) {
    const built = parseTime(flags.builtAt);
    if (!built.ok) throw new UsageError(`--built-at: ${built.reason}.`);
    if (built.date < shown) shown = built.date;
  }
  const entries = loaded.project.entries.map((e) => publishedEntry(e, shown, false)).filter((e): e is Entry => e !== undefined);
  const store: LedgerStore = flags.ledger !== undefined ? fileStore(resolve(ctx.root, flags.ledger)) : gitBranchStore(ctx.root, config.notify.ledger_branch, ctx.env);
  let found;
  try {
    found = store.read();
  } catch (e) {
    ctx.err(`Nothing was sent: ${(e as Error).message}`);
    return 1;
  }
  const ledger = found ?? emptyLedger();
  const publicPlans = planDeliveries(notificationEvents(entries, config, shown), config, ledger, ctx.now);
  // The team's reminders go by the real clock: a promise falls due whatever the site shows.
  const teamPlans = planTeamReminders(teamEvents(entries, config, ctx.now), config, ledger);
  const plans = [...publicPlans, ...teamPlans];
  if (flags.dryRun) {
    if (!found) ctx.out(`No ledger yet (${store.describe}): the first run records what is published and sends nothing.\n`);
    if (shown < ctx.now) ctx.out(`As the site built at ${formatUtc(shown)} shows it.\n`);
    ctx.out(renderPlan(plans, config, shown, store.describe));
    return 0;
  }

  // Saved only when a delivery or a new channel changed it: a run with nothing new commits nothing.
  let saved = found ? serializeLedger(found) : '';
  let failure: string | undefined;
  const save = () => {
    if (serializeLedger(ledger) === saved) return;
    try {
      store.write(pruneLedger(ledger, ctx.now, maxAgeMs(config)), `Notifications sent at ${ctx.now.toISOString()}`);
      saved = serializeLedger(ledger);
    } catch (e) {
      failure = (e as Error).message;
    }
  };
  // A cancelled job still records what was delivered before it stopped.
  const onSignal = () => {
    save();
    process.exit(1);
  };
  process.once('SIGTERM', onSignal).once('SIGINT', onSignal);
  try {
    if (plans.some((p) => p.baseline)) save();
    const options = {
      env: ctx.env,
      ...(flags.fast ? { pace: 0, backoffMs: 50, timeoutMs: 2_000, maxWaitMs: 5_000 } : {}),
      // A file is cheap to write after each delivery; a branch is pushed once, at the end.
      ...(flags.ledger !== undefined ? { onDelivered: save } : {}),
    };
    const [sent, reminded] = await Promise.all([
      sendPlans(publicPlans, config, entries, ledger, { ...options, now: shown }),
      sendPlans(teamPlans, config, entries, ledger, { ...options, now: ctx.now }),
    ]);
    const outcomes = [...sent, ...reminded];
    save();
    ctx.out(renderOutcomes(outcomes));
    if (ctx.env['GITHUB_ACTIONS'] === 'true') {
      for (const o of outcomes) for (const f of o.failed) ctx.out(`::warning title=Notification to ${o.id} failed::${f.reason.replace(/[\r\n%]/g, ' ')}`);
      const summary = ctx.env['GITHUB_STEP_SUMMARY'];
      if (summary) appendFileSync(summary, outcomesSummary(outcomes));
    }
  } finally {
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
  }
  if (failure) {
    ctx.err(`The ledger could not be saved (${failure}): what was sent may be sent again by the next run.`);
    return 1;
  }
  return 0;
}
