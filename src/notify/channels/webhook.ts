import { createHmac } from 'node:crypto';
import { componentStatuses, PAGE_DESCRIPTIONS, pageStatus } from '../../core/rules/status.ts';
import { dayBounds, statusIntervals } from '../../core/rules/uptime.ts';
import { apiIncident } from '../../views/api.ts';
import { absolute } from '../../views/urls.ts';
import type { NotificationEvent } from '../events.ts';
import { factLines, type Message } from '../message.ts';
import { type Adapter, type ChannelContext, deliveryId } from './channel.ts';
import { post, secretValue, webhookUrl } from './http.ts';

/**
 * Statuspage's webhook payload (`meta`, `page`, `incident` with its `incident_updates`, as of the
 * event), so receivers written for Statuspage work unchanged; `candor` adds the event and its text.
 */
export function webhookPayload(message: Message, event: NotificationEvent, ctx: Pick<ChannelContext, 'config' | 'entries'>) {
  const { config, entries } = ctx;
  const at = event.at;
  const status = pageStatus(entries, config, at);
  const incident = apiIncident(event.entry, { config, base: config.site.base, now: at, entries, statuses: componentStatuses(entries, config, at), intervals: statusIntervals(entries, dayBounds(at, config.site.time_zone)[0]!, at) });
  const postmortem = event.type === 'postmortem' && event.entry.postmortem ? { postmortem_body: event.entry.postmortem.markdown, postmortem_published_at: at.toISOString() } : {};
  return {
    meta: { unsubscribe: null, documentation: absolute(config.site.url, config.site.base, '/subscribe/#developers') },
    page: { id: new URL(config.site.url).host, status_indicator: status.indicator, status_description: PAGE_DESCRIPTIONS[status.state] },
    incident: { ...incident, ...postmortem },
    candor: { event: event.type, key: message.key, headline: message.headline, text: message.text, facts: message.facts, url: message.url },
  };
}

/**
 * Signature headers: HMAC-SHA256 with the shared secret over `<timestamp>.<body>`, so neither the
 * body nor the time can be changed, and a receiver refuses a delivery whose timestamp is old (replay).
 */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export const webhook: Adapter = {
  intervalMs: 0,
  preview: (m) => [`POST ${m.headline}`, m.text, ...factLines(m), m.url].join('\n'),
  async open(ctx) {
    const url = webhookUrl(ctx.env, ctx.channel.secret);
    const key = secretValue(ctx.env, ctx.channel.signing_secret!);
    return async (message, event) => {
      const body = JSON.stringify(webhookPayload(message, event, ctx));
      const timestamp = Math.floor(Date.now() / 1000);
      await post(url, body, {
        timeoutMs: ctx.timeoutMs,
        headers: {
          'x-candor-event': event.type,
          // The same for every attempt of one delivery, so a receiver can drop a repeat.
          'x-candor-delivery': deliveryId(ctx, message).slice(0, 32),
          'x-candor-timestamp': String(timestamp),
          'x-candor-signature': signature(key, timestamp, body),
        },
      });
    };
  },
};
