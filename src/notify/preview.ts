import { channelId } from '../core/config.ts';
import type { Entry } from '../core/model.ts';
import type { Config } from '../core/schema/config.ts';
import { ADAPTERS } from './channels/index.ts';
import { notificationEvents } from './events.ts';
import { messageOf } from './message.ts';
import { maxAgeMs, receives } from './plan.ts';

export interface ChannelNotice {
  id: string;
  type: string;
  /** Why the channel does not get it; undefined when it does. */
  skipped?: string;
  /** The message as the channel's readers will see it. */
  text?: string;
}

export interface NotificationNotice {
  key: string;
  headline: string;
  at: Date;
  /** Dated after now: sent by the first deploy after that time. */
  pending: boolean;
  channels: ChannelNotice[];
}

/**
 * For a pull request: the updates and post-mortems the change publishes, and for each, which
 * channels the deploy will push it to and with what text (or why not). Edits of updates already
 * published push nothing.
 */
export function notificationNotices(before: readonly Entry[], after: readonly Entry[], config: Config, now: Date): NotificationNotice[] {
  if (config.notifications.length === 0) return [];
  const far = new Date(8.64e15);
  const old = new Set(notificationEvents(before, config, far).map((e) => e.key));
  const oldest = now.getTime() - maxAgeMs(config);
  return notificationEvents(after, config, far)
    .filter((e) => (e.type === 'update' || e.type === 'postmortem') && !old.has(e.key))
    .map((event) => {
      const message = messageOf(event, config, event.at > now ? event.at : now);
      const tooOld = event.at.getTime() < oldest ? `older than ${config.notify.max_age_hours} h when merged now` : undefined;
      return {
        key: event.key,
        headline: message.headline,
        at: event.at,
        pending: event.at > now,
        channels: config.notifications.map((channel) => {
          const skipped = receives(channel, event) ?? tooOld;
          const notice: ChannelNotice = { id: channelId(channel), type: channel.type };
          if (skipped) notice.skipped = skipped;
          else notice.text = ADAPTERS[channel.type].preview(message, { config, channel });
          return notice;
        }),
      };
    });
}
