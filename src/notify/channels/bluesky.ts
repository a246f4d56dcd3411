import { cutAtWord, graphemes, type Message } from '../message.ts';
import type { Adapter } from './channel.ts';
import { DeliveryError, post, secretValue } from './http.ts';

/** A post holds 300 graphemes; the link is a facet on the words "Read more", not a long URL in the text. */
const POST_MAX = 300;
const MORE = 'Read more';

export interface BlueskyPost {
  $type: 'app.bsky.feed.post';
  text: string;
  createdAt: string;
  langs: string[];
  facets: { index: { byteStart: number; byteEnd: number }; features: { $type: 'app.bsky.richtext.facet#link'; uri: string }[] }[];
}

/** The post: headline and text cut at a word, then "Read more" linked (by UTF-8 byte offsets) to the update. */
export function blueskyPost(message: Message, createdAt: Date, lang: string): BlueskyPost {
  const head = `${message.headline}\n\n`;
  const room = POST_MAX - graphemes(head) - graphemes(`\n\n${MORE}`);
  const text = `${head}${cutAtWord(message.text, room)}\n\n`;
  const byteStart = Buffer.byteLength(text, 'utf8');
  return {
    $type: 'app.bsky.feed.post',
    text: `${text}${MORE}`,
    createdAt: createdAt.toISOString(),
    langs: [lang],
    facets: [{ index: { byteStart, byteEnd: byteStart + Buffer.byteLength(MORE, 'utf8') }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: message.url }] }],
  };
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
      await post(xrpc('com.atproto.repo.createRecord'), { repo: session.did, collection: 'app.bsky.feed.post', record }, { timeoutMs: ctx.timeoutMs, headers: { authorization: `Bearer ${session.accessJwt}` } });
    };
  },
};
