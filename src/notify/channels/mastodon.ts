import { cutAtWord, factLines, graphemes, type Message } from '../message.ts';
import { type Adapter, deliveryId } from './channel.ts';
import { post, secretValue } from './http.ts';

/** Mastodon's default limit; every link counts as 23 characters, whatever its length. */
const STATUS_MAX = 500;
const LINK_LENGTH = 23;

/**
 * The status: headline, text, facts and the link, within Mastodon's 500 characters as it counts them.
 * Too long, the text is cut at a word with "Read more:" before the link; facts, then the headline,
 * give way when they alone would leave no room for the text.
 */
export function mastodonStatus(message: Message): string {
  const build = (head: string, body: string, facts: string) => [head, body, facts, message.url].filter(Boolean).join('\n\n');
  const facts = factLines(message).join('\n');
  const full = build(message.headline, message.text, facts);
  if (mastodonLength(full) <= STATUS_MAX) return full;
  const more = 'Read more:';
  const room = (head: string, f: string) => STATUS_MAX - mastodonLength(build(head, ` ${more}`, f));
  const kept = room(message.headline, facts) >= MIN_TEXT ? facts : '';
  const head = room(message.headline, kept) >= MIN_TEXT ? message.headline : cutAtWord(message.headline, STATUS_MAX - MIN_TEXT - mastodonLength(build('', ` ${more}`, kept)));
  const body = cutAtWord(message.text, room(head, kept));
  return build(head, body ? `${body} ${more}` : more, kept);
}

/** Room always left for the update's own words. */
const MIN_TEXT = 80;

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
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': deliveryId(ctx, message) },
        },
      );
    };
  },
};
