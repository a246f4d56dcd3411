import { cutToFit, graphemes, type Message } from '../message.ts';
import { type Adapter, deliveryId } from './channel.ts';
import { DeliveryError, post, secretValue } from './http.ts';

/** A post holds 300 graphemes; the link is a facet on the words "Read more", not a long URL in the text. */
const POST_MAX = 300;
const POST_BYTES = 3000;
const MORE = 'Read more';

export interface BlueskyPost {
  $type: 'app.bsky.feed.post';
  text: string;
  createdAt: string;
  langs: string[];
  facets: { index: { byteStart: number; byteEnd: number }; features: { $type: 'app.bsky.richtext.facet#link'; uri: string }[] }[];
}

/** Bluesky's limits on a post's text: 300 graphemes, and 3,000 bytes of UTF-8. */
export const fitsBluesky = (text: string) => graphemes(text) <= POST_MAX && Buffer.byteLength(text, 'utf8') <= POST_BYTES;

/** The post: headline and text cut at a word, then "Read more" linked (by UTF-8 byte offsets) to the update. */
export function blueskyPost(message: Message, createdAt: Date, lang: string): BlueskyPost {
  const tail = `\n\n${MORE}`;
  const head = cutToFit(message.headline, (h) => fitsBluesky(`${h}\n\n${'x'.repeat(60)}${tail}`));
  const body = cutToFit(message.text, (b) => fitsBluesky(`${head}\n\n${b}${tail}`));
  const text = `${[head, body].filter(Boolean).join('\n\n')}\n\n`;
  const byteStart = Buffer.byteLength(text, 'utf8');
  return {
    $type: 'app.bsky.feed.post',
    text: `${text}${MORE}`,
    createdAt: createdAt.toISOString(),
    langs: [lang],
    facets: [{ index: { byteStart, byteEnd: byteStart + Buffer.byteLength(MORE, 'utf8') }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: message.url }] }],
  };
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A record key in the TID form posts use: 53 bits of microseconds since 1970 and 10 bits of clock id,
 * in base32-sortable. Made from the event and the channel, the same in every run: a retry, even by a
 * later run, meets the post it already made rather than making a second.
 */
export function tid(at: Date, id: string): string {
  const clock = BigInt(Number.parseInt(id.slice(0, 4), 16) & 0x3ff);
  let n = (BigInt(at.getTime()) * 1000n) << 10n | clock;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = TID_ALPHABET[Number(n & 31n)]! + out;
    n >>= 5n;
  }
  return out;
}

export const bluesky: Adapter = {
  intervalMs: 1000,
  preview: (m) => `${blueskyPost(m, new Date(0), 'en').text} → ${m.url}`,
  async open(ctx) {
    const password = secretValue(ctx.env, ctx.channel.secret);
    const service = ctx.channel.service ?? 'https://bsky.social';
    const xrpc = (method: string) => `${service.replace(/\/+$/, '')}/xrpc/${method}`;
    // One session per run: sign-ins are rate-limited far more tightly than posts.
    const session = JSON.parse(await post(xrpc('com.atproto.server.createSession'), { identifier: ctx.channel.handle, password }, { timeoutMs: ctx.timeoutMs })) as { accessJwt?: string; did?: string };
    if (!session.accessJwt || !session.did) throw new DeliveryError('Bluesky signed in without a session token', true);
    return async (message) => {
      const record = blueskyPost(message, new Date(), ctx.config.site.locale.split('-')[0]!);
      // Created at a key fixed for this delivery: a retry after a lost answer finds the post there.
      try {
        await post(xrpc('com.atproto.repo.createRecord'), { repo: session.did, collection: 'app.bsky.feed.post', rkey: tid(message.at, deliveryId(ctx, message)), record }, { timeoutMs: ctx.timeoutMs, headers: { authorization: `Bearer ${session.accessJwt}` } });
      } catch (e) {
        if (e instanceof DeliveryError && !e.retryable && /already exists/i.test(e.message)) return;
        throw e;
      }
    };
  },
};
