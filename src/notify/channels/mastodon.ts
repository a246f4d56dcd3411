import { createHash } from 'node:crypto';
import { cutAtWord, factLines, graphemes, type Message } from '../message.ts';
import type { Adapter } from './channel.ts';
import { post, secretValue } from './http.ts';

/** Mastodon's default limit; every link counts as 23 characters, whatever its length. */
const STATUS_MAX = 500;
const LINK_LENGTH = 23;

/** The status text: headline, text cut at a word, facts, and the link (counted as Mastodon counts it). */
export function mastodonStatus(message: Message): string {
  const head = `${message.headline}\n\n`;
  const tail = `${factLines(message).length ? `\n\n${factLines(message).join('\n')}` : ''}\n\n`;
  const room = STATUS_MAX - graphemes(head) - graphemes(tail) - LINK_LENGTH;
  const text = cutAtWord(message.text, room);
  const more = text === message.text ? '' : ' Read more:';
  const body = more ? cutAtWord(message.text, room - graphemes(more)) + more : text;
  return `${head}${body}${tail}${message.url}`;
}

/** Characters as Mastodon counts them (a link is 23). */
export function mastodonLength(status: string): number {
  return graphemes(status.replace(/https?:\/\/\S+/g, 'x'.repeat(LINK_LENGTH)));
}

export const mastodon: Adapter = {
  // 300 posts per 5 minutes per account.
  intervalMs: 1000,
  preview: (m) => mastodonStatus(m),
  async open(ctx) {
    const token = secretValue(ctx.env, ctx.channel.secret);
    const endpoint = `${ctx.channel.instance!.replace(/\/+$/, '')}/api/v1/statuses`;
    return async (message) => {
      await post(
        endpoint,
        { status: mastodonStatus(message), visibility: 'public', language: ctx.config.site.locale.split('-')[0] },
        {
          timeoutMs: ctx.timeoutMs,
          // Mastodon drops a repeat with the same key for an hour: a retry after a lost answer posts once.
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': createHash('sha256').update(`${ctx.id}\n${message.key}`).digest('hex') },
        },
      );
    };
  },
};
