import { createHash } from 'node:crypto';
import type { Entry } from '../../core/model.ts';
import type { Config, NotificationConfig } from '../../core/schema/config.ts';
import type { NotificationEvent } from '../events.ts';
import { factLines, type Message } from '../message.ts';

export interface ChannelContext {
  config: Config;
  channel: NotificationConfig;
  /** The channel's id in the ledger. */
  id: string;
  /** Published entries, for channels that send the whole incident (the webhook). */
  entries: readonly Entry[];
  env: Record<string, string | undefined>;
  timeoutMs: number;
}

/** Sends one message; throws a DeliveryError when the channel did not take it. */
export type Send = (message: Message, event: NotificationEvent) => Promise<void>;

/** A channel type: how a message reads there, and how it is sent. */
export interface Adapter {
  /** Least time between two messages, below the service's rate limit for one webhook or account. */
  intervalMs: number;
  /** The message as a reader of the channel sees it, in plain text: for dry runs and previews. */
  preview(message: Message, ctx: Pick<ChannelContext, 'config' | 'channel'>): string;
  /** Prepares a run (reads secrets, signs in); throws a DeliveryError when the channel cannot be used. */
  open(ctx: ChannelContext): Promise<Send>;
}

/**
 * A delivery's own name, the same in every attempt and every run: a service that knows it (Mastodon's
 * Idempotency-Key, Bluesky's record key, a webhook receiver) drops a repeat.
 */
export function deliveryId(ctx: Pick<ChannelContext, 'id'>, message: Pick<Message, 'key'>): string {
  return createHash('sha256').update(`${ctx.id}\n${message.key}`).digest('hex');
}

/** The text with its facts, as plain paragraphs: the shared body of every plain-text channel. */
export function plainBody(message: Message): string {
  return [message.text, factLines(message).join('\n')].filter(Boolean).join('\n\n');
}
