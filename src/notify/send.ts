import type { Entry } from '../core/model.ts';
import type { Config } from '../core/schema/config.ts';
import { ADAPTERS } from './channels/index.ts';
import { DeliveryError } from './channels/http.ts';
import { type Ledger, recordSent } from './ledger.ts';
import { type Message, messageOf } from './message.ts';
import type { ChannelPlan } from './plan.ts';

export interface SendOptions {
  env: Record<string, string | undefined>;
  now: Date;
  /** Per request. */
  timeoutMs?: number;
  /** Tries per message in one run. */
  attempts?: number;
  /** The first wait before a retry; it doubles each time. */
  backoffMs?: number;
  /** A longer `Retry-After` ends the channel's run: the next run tries again. */
  maxWaitMs?: number;
  /** Multiplies each channel's pause between messages (0 in tests). */
  pace?: number;
  /** Called after each delivery is recorded in the ledger, to save it at once. */
  onDelivered?: () => void;
}

export interface ChannelOutcome {
  id: string;
  type: string;
  baseline: boolean;
  sent: Message[];
  /**
   * What failed, and why (secrets removed); each is tried again by the next run. A refusal (such as
   * a 4xx) is that message's alone, and the channel goes on with the next; when the channel itself
   * is down or cannot be opened, the rest of its messages wait for the next run too.
   */
  failed: { message?: Message; reason: string }[];
  /** Messages not tried in this run because the channel was down. */
  waiting: Message[];
  skipped: ChannelPlan['skipped'];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends each channel's messages, oldest first, channels side by side so that one failing never holds
 * up another. A message is recorded in the ledger only once its channel accepted it. A message that
 * still fails after retries stops its channel for this run; it and the rest are tried on the next.
 */
export async function sendPlans(plans: readonly ChannelPlan[], config: Config, entries: readonly Entry[], ledger: Ledger, options: SendOptions): Promise<ChannelOutcome[]> {
  const redact = redactor(config, options.env);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 2_000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  return Promise.all(
    plans.map(async (plan): Promise<ChannelOutcome> => {
      const adapter = ADAPTERS[plan.channel.type];
      const messages = plan.send.map((event) => ({ event, message: messageOf(event, config, options.now) }));
      const outcome: ChannelOutcome = { id: plan.id, type: plan.channel.type, baseline: plan.baseline, sent: [], failed: [], waiting: [], skipped: plan.skipped };
      if (messages.length === 0) return outcome;
      let send;
      try {
        send = await retrying(() => adapter.open({ config, channel: plan.channel, id: plan.id, entries, env: options.env, timeoutMs }), attempts, backoffMs, maxWaitMs);
      } catch (e) {
        outcome.failed.push({ reason: redact(reasonOf(e)) });
        outcome.waiting = messages.map((m) => m.message);
        return outcome;
      }
      for (const [i, { event, message }] of messages.entries()) {
        if (i > 0 && adapter.intervalMs) await sleep(adapter.intervalMs * (options.pace ?? 1));
        try {
          await retrying(() => send(message, event), attempts, backoffMs, maxWaitMs);
        } catch (e) {
          outcome.failed.push({ message, reason: redact(reasonOf(e)) });
          // A message the service refused must not hold back the ones after it; a channel that is down does.
          if (e instanceof DeliveryError && !e.retryable) continue;
          outcome.waiting = messages.slice(i + 1).map((m) => m.message);
          return outcome;
        }
        recordSent(ledger, plan.id, event.key, new Date(), options.now);
        outcome.sent.push(message);
        options.onDelivered?.();
      }
      return outcome;
    }),
  );
}

/** Tries `attempt` up to `attempts` times: waits `backoff`, doubling, or what `Retry-After` asks (up to `maxWait`). */
async function retrying<T>(attempt: () => Promise<T>, attempts: number, backoffMs: number, maxWaitMs: number): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      const retryable = e instanceof DeliveryError ? e.retryable : true;
      const wait = e instanceof DeliveryError && e.retryAfterMs !== undefined ? e.retryAfterMs : backoffMs * 2 ** (i - 1);
      if (!retryable || i >= attempts) throw e;
      if (wait > maxWaitMs) throw new DeliveryError(`${(e as Error).message} (asked to wait ${Math.ceil(wait / 1000)} s: left for the next run)`, true);
      await sleep(wait);
    }
  }
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Removes every secret a channel uses (and the user name and password inside an SMTP URL) from a
 * text: error messages may quote a URL or a server's answer, and they end up in public job logs.
 */
export function redactor(config: Config, env: Record<string, string | undefined>): (text: string) => string {
  const values = new Set<string>();
  for (const n of [...config.notifications, ...config.team_notifications]) {
    for (const name of [n.secret, n.signing_secret]) {
      const value = name ? env[name]?.trim() : undefined;
      if (!value) continue;
      values.add(value);
      if (URL.canParse(value)) {
        const url = new URL(value);
        for (const part of [url.password, url.username, decoded(url.password), url.pathname.length > 8 ? url.pathname : '', url.search]) if (part && part.length >= 4) values.add(part);
      }
    }
  }
  const sorted = [...values].sort((a, b) => b.length - a.length);
  return (text) => sorted.reduce((t, v) => t.split(v).join('***'), text);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
