import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Local stand-ins for the services Candor posts to, on 127.0.0.1. Each checks a request against the
 * service's documented shape and limits (as the service would refuse it), and records what it took.
 */

export type Service = 'slack' | 'teams' | 'discord' | 'webhook' | 'mastodon' | 'bluesky';

export interface Received {
  service: Service;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** How the receiver answers the n-th request to a service (from 1): accept, an HTTP error, a hang, a dropped connection. */
export type Answer = 'ok' | 'hang' | 'drop' | 'take-then-drop' | { status: number; headers?: Record<string, string>; body?: string };

export interface Receiver {
  /** Base URL: `${url}/slack`, `${url}/webhook`, `${url}/mastodon`, `${url}/bluesky`... */
  url: string;
  /** Accepted deliveries, in order (Bluesky: the posts only, not the sign-ins). */
  accepted: Received[];
  /** Every request, accepted or not. */
  requests: Received[];
  /** Shape problems found in requests; a test expects none. */
  problems: string[];
  /** Sets how a service answers its next requests (each entry once, then "ok"). */
  script(service: Service, answers: Answer[]): void;
  close(): Promise<void>;
}

export const WEBHOOK_SIGNING_SECRET = 'whsec-test-0123456789';
export const MASTODON_TOKEN = 'mastodon-token-abcdef';
export const BLUESKY_PASSWORD = 'app-pass-word-1234';

const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].length;

export async function startReceiver(): Promise<Receiver> {
  const accepted: Received[] = [];
  const requests: Received[] = [];
  const problems: string[] = [];
  const scripts = new Map<Service, Answer[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const service = path.split('/')[1] as Service;
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const received: Received = { service, path, headers: req.headers, body, json };
      requests.push(received);
      const answer = scripts.get(service)?.shift() ?? 'ok';
      if (answer === 'hang') return;
      if (answer === 'drop') {
        req.socket.destroy();
        return;
      }
      if (answer === 'take-then-drop') {
        // The service took it, and the answer was lost on the way back.
        if (validate(received).length === 0) respond(received, { writeHead: () => ({ end: () => undefined }) } as unknown as ServerResponse, accepted);
        req.socket.destroy();
        return;
      }
      if (answer !== 'ok') {
        res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
        return;
      }
      const found = validate(received);
      if (found.length) {
        problems.push(...found.map((p) => `${service}: ${p}`));
        res.writeHead(400).end(found.join('; '));
        return;
      }
      respond(received, res, accepted);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    requests,
    problems,
    script: (service, answers) => scripts.set(service, [...answers]),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(r: Received, res: ServerResponse, accepted: Received[]) {
  if (r.service === 'bluesky' && r.path.endsWith('com.atproto.server.createSession')) {
    return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accessJwt: 'jwt-access', refreshJwt: 'jwt-refresh', did: 'did:plc:status', handle: r.json.identifier }));
  }
  accepted.push(r);
  if (r.service === 'slack' || r.service === 'teams') return res.writeHead(200).end('ok');
  if (r.service === 'discord') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: String(accepted.length) }));
  if (r.service === 'mastodon') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: String(accepted.length), url: 'https://mastodon.example/@status/1' }));
  if (r.service === 'bluesky' && accepted.some((x) => x !== r && x.service === 'bluesky' && x.json.rkey === r.json.rkey)) {
    // A record key already taken: the PDS refuses a second record there.
    accepted.pop();
    return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'InvalidRequest', message: 'Record already exists' }));
  }
  if (r.service === 'bluesky') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ uri: `at://did:plc:status/app.bsky.feed.post/${accepted.length}`, cid: 'bafy' }));
  return res.writeHead(204).end();
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The documented shape and limits of each service's request. */
function validate(r: Received): string[] {
  const p: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) p.push(what);
  };
  if (r.headers['content-type']?.split(';')[0] !== 'application/json') p.push('content-type is not application/json');
  const j = r.json;
  if (j === undefined) return [...p, 'body is not JSON'];
  switch (r.service) {
    case 'slack': {
      // https://api.slack.com/reference/block-kit/blocks
      need(isString(j.text) && j.text.length > 0 && j.text.length <= 40_000, 'text (the notification fallback) missing or over 40,000');
      need(Array.isArray(j.blocks) && j.blocks.length >= 1 && j.blocks.length <= 50, 'blocks: 1 to 50');
      for (const b of j.blocks ?? []) {
        if (b.type === 'header') need(b.text?.type === 'plain_text' && isString(b.text.text) && b.text.text.length <= 150, 'header: plain_text up to 150 characters');
        else if (b.type === 'section') need(['mrkdwn', 'plain_text'].includes(b.text?.type) && isString(b.text.text) && b.text.text.length >= 1 && b.text.text.length <= 3000, 'section text: 1 to 3,000 characters');
        else if (b.type === 'context') need(Array.isArray(b.elements) && b.elements.length <= 10 && b.elements.every((e: { text?: string }) => isString(e.text) && e.text.length <= 3000), 'context: up to 10 elements of up to 3,000');
        else if (b.type === 'actions') need(b.elements.every((e: { type: string; url?: string; text?: { text: string } }) => e.type === 'button' && isString(e.url) && e.url.length <= 3000 && (e.text?.text.length ?? 0) <= 75), 'actions: buttons with url ≤ 3,000 and text ≤ 75');
        else p.push(`unknown block type ${b.type}`);
      }
      break;
    }
    case 'teams': {
      // Workflows webhook: a message with an Adaptive Card attachment.
      need(j.type === 'message', 'type must be "message"');
      const a = j.attachments?.[0];
      need(Array.isArray(j.attachments) && j.attachments.length === 1 && a.contentType === 'application/vnd.microsoft.card.adaptive', 'one attachment of contentType application/vnd.microsoft.card.adaptive');
      const card = a?.content;
      need(card?.type === 'AdaptiveCard' && /^1\.[0-6]$/.test(card.version) && Array.isArray(card.body), 'content: an AdaptiveCard (version 1.0 to 1.6) with a body');
      for (const e of card?.body ?? []) {
        if (e.type === 'TextBlock') need(isString(e.text) && e.text.length > 0, 'TextBlock without text');
        else if (e.type === 'FactSet') need(e.facts.every((f: { title: unknown; value: unknown }) => isString(f.title) && isString(f.value)), 'FactSet facts need title and value');
        else p.push(`unknown element ${e.type}`);
      }
      need((card?.actions ?? []).every((x: { type: string; url?: string }) => x.type === 'Action.OpenUrl' && isString(x.url)), 'actions: Action.OpenUrl with url');
      need(r.body.length <= 28_000, 'payload over 28 KB');
      break;
    }
    case 'discord': {
      // https://discord.com/developers/docs/resources/message#embed-object-embed-limits
      need(Array.isArray(j.embeds) && j.embeds.length >= 1 && j.embeds.length <= 10, 'embeds: 1 to 10');
      need(Array.isArray(j.allowed_mentions?.parse) && j.allowed_mentions.parse.length === 0, 'allowed_mentions.parse must be [] (no pings from incident text)');
      let total = 0;
      for (const e of j.embeds ?? []) {
        need(isString(e.title) && e.title.length <= 256, 'embed title ≤ 256');
        need(!e.description || e.description.length <= 4096, 'embed description ≤ 4,096');
        need(!e.fields || (e.fields.length <= 25 && e.fields.every((f: { name: string; value: string }) => f.name.length <= 256 && f.value.length >= 1 && f.value.length <= 1024)), 'fields ≤ 25, name ≤ 256, value 1 to 1,024');
        need(!e.footer || e.footer.text.length <= 2048, 'footer ≤ 2,048');
        need(!e.timestamp || !Number.isNaN(Date.parse(e.timestamp)), 'timestamp must be ISO 8601');
        need(e.color === undefined || (Number.isInteger(e.color) && e.color >= 0 && e.color <= 0xffffff), 'color: an integer RGB');
        total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n: number, f: { name: string; value: string }) => n + f.name.length + f.value.length, 0);
      }
      need(total <= 6000, 'embeds over 6,000 characters in all');
      need(!j.username || j.username.length <= 80, 'username ≤ 80');
      break;
    }
    case 'webhook': {
      const timestamp = Number(r.headers['x-candor-timestamp']);
      need(Number.isInteger(timestamp) && Math.abs(Date.now() / 1000 - timestamp) < 300, 'timestamp missing or more than 5 minutes off (replay)');
      const expected = Buffer.from(`sha256=${createHmac('sha256', WEBHOOK_SIGNING_SECRET).update(`${timestamp}.${r.body}`).digest('hex')}`);
      const given = Buffer.from(String(r.headers['x-candor-signature'] ?? ''));
      need(given.length === expected.length && timingSafeEqual(given, expected), 'signature does not verify');
      // Statuspage's incident webhook: meta, page, incident with its updates.
      need(j.meta && 'unsubscribe' in j.meta && isString(j.meta.documentation), 'meta: unsubscribe and documentation');
      need(isString(j.page?.id) && isString(j.page?.status_indicator) && isString(j.page?.status_description), 'page: id, status_indicator, status_description');
      const i = j.incident;
      need(isString(i?.id) && isString(i?.name) && isString(i?.status) && isString(i?.shortlink) && isString(i?.impact), 'incident: id, name, status, impact, shortlink');
      need(Array.isArray(i?.incident_updates) && i.incident_updates.every((u: Record<string, unknown>) => isString(u['id']) && isString(u['body']) && isString(u['status']) && isString(u['created_at'])), 'incident_updates: id, body, status, created_at');
      need(isString(r.headers['x-candor-delivery']), 'x-candor-delivery header');
      break;
    }
    case 'mastodon': {
      // POST /api/v1/statuses: Bearer token, status of at most 500 characters, each link counting 23.
      need(r.path === '/mastodon/api/v1/statuses', `path ${r.path} is not /api/v1/statuses`);
      need(r.headers.authorization === `Bearer ${MASTODON_TOKEN}`, 'Authorization: Bearer <token>');
      need(isString(j.status) && graphemes(j.status.replace(/https?:\/\/\S+/g, 'x'.repeat(23))) <= 500, 'status over 500 characters');
      need(['public', 'unlisted', 'private', 'direct', undefined].includes(j.visibility), 'visibility');
      need(isString(r.headers['idempotency-key']), 'Idempotency-Key header');
      break;
    }
    case 'bluesky': {
      if (r.path.endsWith('com.atproto.server.createSession')) {
        need(isString(j.identifier) && j.password === BLUESKY_PASSWORD, 'createSession: identifier and the app password');
        break;
      }
      need(r.path === '/bluesky/xrpc/com.atproto.repo.createRecord', `path ${r.path}`);
      need(typeof j.rkey === 'string' && /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(j.rkey), 'rkey: a TID (13 characters, base32-sortable)');
      need(r.headers.authorization === 'Bearer jwt-access', 'createRecord: Bearer accessJwt');
      need(j.repo === 'did:plc:status' && j.collection === 'app.bsky.feed.post', 'repo and collection');
      const rec = j.record ?? {};
      need(rec.$type === 'app.bsky.feed.post' && isString(rec.text) && !Number.isNaN(Date.parse(rec.createdAt)), 'record: $type, text, createdAt');
      need(graphemes(rec.text ?? '') <= 300 && Buffer.byteLength(rec.text ?? '') <= 3000, 'text over 300 graphemes or 3,000 bytes');
      const bytes = Buffer.from(rec.text ?? '');
      for (const f of rec.facets ?? []) {
        const { byteStart, byteEnd } = f.index;
        need(Number.isInteger(byteStart) && byteEnd > byteStart && byteEnd <= bytes.length, 'facet byte range outside the text');
        need(f.features.every((x: { $type: string; uri: string }) => x.$type === 'app.bsky.richtext.facet#link' && URL.canParse(x.uri)), 'facet: link with a valid uri');
      }
      break;
    }
  }
  return p;
}

/** The link a Bluesky post's facet points at, and the text it covers. */
export function blueskyLink(r: Received): { text: string; uri: string } {
  const facet = r.json.record.facets[0];
  return { text: Buffer.from(r.json.record.text).subarray(facet.index.byteStart, facet.index.byteEnd).toString(), uri: facet.features[0].uri };
}

export interface MailReceiver {
  url: string;
  mails: ParsedMail[];
  /** Each message's envelope recipients (RCPT TO), in order. */
  recipients: string[][];
  /** Refuses the next messages with these SMTP codes (each once). */
  refuse(codes: number[]): void;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 that takes any login and parses each message with mailparser. */
export async function startMailReceiver(): Promise<MailReceiver> {
  const mails: ParsedMail[] = [];
  const recipients: string[][] = [];
  const refusals: number[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (_auth, _session, done) => done(null, { user: 'status' }),
    onData(stream, session, done) {
      const code = refusals.shift();
      simpleParser(stream)
        .then((mail) => {
          if (code) return done(Object.assign(new Error('refused by the test'), { responseCode: code }));
          mails.push(mail);
          recipients.push(session.envelope.rcptTo.map((r) => r.address));
          done();
        })
        .catch(done);
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://status:mail-password-99@127.0.0.1:${port}`,
    mails,
    recipients,
    refuse: (codes) => refusals.push(...codes),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
