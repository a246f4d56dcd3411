import type { ComponentStatus } from '../../core/status.ts';
import { cutAtWord, factLines, type Message } from '../message.ts';
import type { Adapter } from './channel.ts';
import { post, webhookUrl } from './http.ts';

/** Discord's embed limits: title 256, description 4,096, field value 1,024, 6,000 in all. */
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4000;
const FIELD_MAX = 1024;

const COLOR: Record<ComponentStatus, number> = {
  operational: 0x1f883d,
  degraded_performance: 0xbf8700,
  partial_outage: 0xd1242f,
  major_outage: 0x82071e,
  under_maintenance: 0x0969da,
};

/** Discord Markdown: characters that would format, link or quote are escaped. */
const escape = (s: string) => s.replace(/([\\*_~`|>#[\]()-])/g, '\\$1');

/** A webhook message with one embed; mentions in the text never ping anyone. */
export function discordPayload(message: Message) {
  const more = `\n\n[Read more](${message.url})`;
  const full = escape(message.text);
  const description = full.length <= DESCRIPTION_MAX ? full : `${escape(cutAtWord(message.text, DESCRIPTION_MAX - more.length, (s) => escape(s).length))}${more}`;
  return {
    username: cutAtWord(`${message.site.name} status`, 80),
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: cutAtWord(message.headline, TITLE_MAX),
        url: message.url,
        ...(description ? { description } : {}),
        color: COLOR[message.tone],
        timestamp: message.at.toISOString(),
        fields: message.facts.map((f) => ({ name: f.name, value: cutAtWord(escape(f.value), FIELD_MAX), inline: false })),
        footer: { text: cutAtWord(message.site.name, 200) },
      },
    ],
  };
}

export const discord: Adapter = {
  // Discord allows about 5 requests per 2 seconds to one webhook.
  intervalMs: 500,
  preview: (m) => [m.headline, m.text, ...factLines(m), m.url].filter(Boolean).join('\n'),
  async open(ctx) {
    const url = webhookUrl(ctx.env, ctx.channel.secret);
    return async (message) => {
      await post(`${url}${url.includes('?') ? '&' : '?'}wait=true`, discordPayload(message), { timeoutMs: ctx.timeoutMs });
    };
  },
};
