import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProject, publishedEntry } from '../../core/load.ts';
import type { Entry } from '../../core/model.ts';
import { notificationEvents } from '../../notify/events.ts';
import { emptyLedger, pruneLedger, serializeLedger } from '../../notify/ledger.ts';
import { fileStore, gitBranchStore, type LedgerStore } from '../../notify/ledger-store.ts';
import { planDeliveries } from '../../notify/plan.ts';
import { outcomesSummary, renderOutcomes, renderPlan } from '../../notify/report.ts';
import { sendPlans } from '../../notify/send.ts';
import { problemLine } from '../../authoring/preview.ts';
import type { CliContext } from '../context.ts';

export interface NotifyFlags {
  dryRun?: boolean | undefined;
  ledger?: string | undefined;
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
  if (config.notifications.length === 0) {
    ctx.out('No notification channels are configured (notifications: in candor.config.yaml): nothing to send.');
    return 0;
  }
  const entries = loaded.project.entries.map((e) => publishedEntry(e, ctx.now, false)).filter((e): e is Entry => e !== undefined);
  const store: LedgerStore = flags.ledger !== undefined ? fileStore(resolve(ctx.root, flags.ledger)) : gitBranchStore(ctx.root, config.notify.ledger_branch, ctx.env);
  let found;
  try {
    found = store.read();
  } catch (e) {
    ctx.err(`Nothing was sent: ${(e as Error).message}`);
    return 1;
  }
  const ledger = found ?? emptyLedger();
  const plans = planDeliveries(notificationEvents(entries, config, ctx.now), config, ledger, ctx.now);
  if (flags.dryRun) {
    if (!found) ctx.out(`No ledger yet (${store.describe}): the first run records what is published and sends nothing.\n`);
    ctx.out(renderPlan(plans, config, ctx.now, store.describe));
    return 0;
  }

  // Saved only when it changed: a scheduled run with nothing new leaves no commit behind.
  let saved = found ? serializeLedger(found) : '';
  const save = () => {
    const text = serializeLedger(pruneLedger(ledger, ctx.now, config.notify.max_age_hours * 3_600_000));
    if (text === saved) return;
    store.write(ledger, `Notifications sent at ${ctx.now.toISOString()}`);
    saved = text;
  };
  // A cancelled job still records what was delivered before it stopped.
  const onSignal = () => {
    save();
    process.exit(1);
  };
  process.once('SIGTERM', onSignal).once('SIGINT', onSignal);
  try {
    if (plans.some((p) => p.baseline)) save();
    const outcomes = await sendPlans(plans, config, entries, ledger, {
      env: ctx.env,
      now: ctx.now,
      ...(flags.fast ? { pace: 0, backoffMs: 50, timeoutMs: 2_000, maxWaitMs: 5_000 } : {}),
      // A file is cheap to write after each delivery; a branch is pushed once, at the end.
      ...(flags.ledger !== undefined ? { onDelivered: save } : {}),
    });
    save();
    const report = renderOutcomes(outcomes);
    ctx.out(report);
    if (ctx.env['GITHUB_ACTIONS'] === 'true') {
      for (const o of outcomes) if (o.failed) ctx.out(`::warning title=Notification to ${o.id} failed::${o.failed.reason.replace(/[\r\n%]/g, ' ')}`);
      const summary = ctx.env['GITHUB_STEP_SUMMARY'];
      if (summary) appendFileSync(summary, outcomesSummary(outcomes));
    }
    return 0;
  } catch (e) {
    ctx.err(`The ledger could not be saved (${(e as Error).message}): what was sent may be sent again by the next run.`);
    return 1;
  } finally {
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
  }
}
