import type { Config } from '../core/schema/config.ts';
import { ADAPTERS } from './channels/index.ts';
import { type Message, messageOf } from './message.ts';
import type { ChannelPlan } from './plan.ts';
import type { ChannelOutcome } from './send.ts';

const indent = (text: string) => text.replace(/^/gm, '    ');

/** `candor notify --dry-run`: per channel, what would be sent now and how it reads there. */
export function renderPlan(plans: readonly ChannelPlan[], config: Config, now: Date, ledgerWhere: string): string {
  const out: string[] = [];
  for (const plan of plans) {
    const adapter = ADAPTERS[plan.channel.type];
    out.push(`${plan.id} (${plan.channel.type})`);
    if (plan.baseline) {
      out.push(`  New to the ledger (${ledgerWhere}): what is published now is recorded as sent; nothing is sent. It starts with the next update.`);
      continue;
    }
    if (plan.send.length === 0) out.push('  Nothing to send.');
    for (const event of plan.send) {
      out.push(`  Would send ${event.key}:`, indent(adapter.preview(messageOf(event, config, now), { config, channel: plan.channel })));
    }
    for (const { event, reason } of plan.skipped) out.push(`  Not sent: ${event.key}: ${reason}.`);
  }
  return out.join('\n');
}

const line = (m: Message) => `${m.headline} (${m.key})`;

/** What a run did, for the log: per channel, sent, failed with the reason, waiting. */
export function renderOutcomes(outcomes: readonly ChannelOutcome[]): string {
  const out: string[] = [];
  for (const o of outcomes) {
    if (o.baseline) {
      out.push(`${o.id}: new; what is published now is recorded as sent, nothing was sent.`);
      continue;
    }
    const retried = o.failed.filter((f) => f.message).length + o.waiting.length;
    out.push(`${o.id}: ${o.sent.length} sent${retried || o.failed.length ? `, ${retried} left for the next run` : ''}.`);
    for (const m of o.sent) out.push(`  sent: ${line(m)}`);
    for (const f of o.failed) out.push(`  FAILED${f.message ? ` on ${line(f.message)}` : ''}: ${f.reason}`);
    for (const { event, reason } of o.skipped) out.push(`  not sent: ${event.key}: ${reason}`);
  }
  return out.join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));

/** The same, as a Markdown table for the job summary. */
export function outcomesSummary(outcomes: readonly ChannelOutcome[]): string {
  const rows = outcomes.map((o) => {
    const what = o.baseline ? 'new channel: recorded what is published, sent nothing' : o.sent.map((m) => cell(m.headline)).join('<br>') || 'nothing new';
    const failed = o.failed.map((f) => cell(`${f.message ? `${f.message.headline}: ` : ''}${f.reason}`)).join('<br>') + (o.waiting.length ? ` (${o.waiting.length} more left for the next run)` : '');
    return `| ${cell(o.id)} | ${o.sent.length} | ${what} | ${failed} |`;
  });
  return `### Notifications\n\n| channel | sent | messages | failed |\n|---|---|---|---|\n${rows.join('\n')}\n`;
}
