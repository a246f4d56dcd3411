import { channelId } from '../core/config.ts';
import type { Config, NotificationConfig } from '../core/schema/config.ts';
import { HOUR } from '../core/time.ts';
import type { NotificationEvent } from './events.ts';
import { BASELINE, type Ledger, recordSent, wasSent } from './ledger.ts';

/** Nothing older than this is ever sent (`notify.max_age_hours`). */
export function maxAgeMs(config: Config): number {
  return config.notify.max_age_hours * HOUR;
}

/** What one channel gets in this run. */
export interface ChannelPlan {
  id: string;
  channel: NotificationConfig;
  /** New to the ledger: what is published now is recorded as sent, and nothing is sent. */
  baseline: boolean;
  /** Oldest first. */
  send: NotificationEvent[];
  /** Events not yet delivered that this channel will not get, and why. */
  skipped: { event: NotificationEvent; reason: string }[];
}

/** Whether a channel receives an event at all (its `events:` and `components:` choices, and quiet updates). */
export function receives(channel: NotificationConfig, event: NotificationEvent): string | undefined {
  if (event.quiet) return 'posted quietly (<!-- candor: quiet -->)';
  if (channel.events && event.category !== 'team' && !channel.events.includes(event.category)) return `this channel does not receive ${event.category}`;
  const ids = event.entry.components.map((c) => c.id);
  // An entry that names no component concerns every reader, whatever their filter.
  if (channel.components && ids.length > 0 && !ids.some((id) => channel.components!.includes(id))) return `affects none of ${channel.components.join(', ')}`;
  return undefined;
}

/**
 * Decides, per channel, what to send now: events not in the ledger, not older than
 * `notify.max_age_hours`, that the channel receives. A channel the ledger does not know yet (and every
 * channel, when there is no ledger) starts from now: its current events are recorded, not sent.
 * `ledger` gets the baseline records.
 */
export function planDeliveries(events: readonly NotificationEvent[], config: Config, ledger: Ledger, now: Date): ChannelPlan[] {
  const oldest = now.getTime() - maxAgeMs(config);
  return config.notifications.map((channel) => {
    const id = channelId(channel);
    const baseline = ledger.channels[id] === undefined;
    const plan: ChannelPlan = { id, channel, baseline, send: [], skipped: [] };
    for (const event of events) {
      if (event.at > now) continue;
      if (baseline) {
        if (event.at.getTime() >= oldest) recordSent(ledger, id, event.key, BASELINE, now);
        continue;
      }
      if (wasSent(ledger, id, event.key)) continue;
      // Older history is left unmentioned: only what was nearly in time is worth a word.
      const tooOld = event.at.getTime() < oldest;
      if (tooOld && event.at.getTime() < oldest - maxAgeMs(config)) continue;
      const refused = receives(channel, event);
      if (refused) plan.skipped.push({ event, reason: refused });
      else if (tooOld) plan.skipped.push({ event, reason: `older than ${config.notify.max_age_hours} h` });
      else plan.send.push(event);
    }
    // A baseline of an empty site still records the channel, so its first event is sent.
    if (baseline) ledger.channels[id] ??= { since: now.toISOString(), sent: {} };
    return plan;
  });
}

/** A team channel's name in the ledger: apart from the public channels, even with the same webhook. */
export const teamChannelId = (channel: NotificationConfig) => `team-${channelId(channel)}`;

/**
 * What each of `team_notifications` is reminded of now: each reminder not in the ledger, once. There
 * is no baseline: a promise overdue when the channel is added is worth one reminder.
 */
export function planTeamReminders(events: readonly NotificationEvent[], config: Config, ledger: Ledger): ChannelPlan[] {
  return config.team_notifications.map((channel) => {
    const id = teamChannelId(channel);
    const plan: ChannelPlan = { id, channel, baseline: false, send: [], skipped: [] };
    for (const event of events) {
      if (wasSent(ledger, id, event.key)) continue;
      const refused = receives(channel, event);
      if (refused) plan.skipped.push({ event, reason: refused });
      else plan.send.push(event);
    }
    return plan;
  });
}
