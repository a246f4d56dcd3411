import * as z from 'zod';
import { DAY } from '../core/time.ts';

/**
 * What was delivered to each channel: the durable record that makes every (event, channel) pair go
 * out once. A channel's entry is written only after the channel accepted the message. Kept as
 * `ledger.json` on its own branch of the repository (see ledger-store.ts).
 */
export interface Ledger {
  version: 1;
  channels: Record<string, ChannelRecord>;
}

export interface ChannelRecord {
  /** When Candor first saw the channel: what was published before then was recorded, not sent. */
  since: string;
  /** Event key → when it was delivered, or `baseline` for what was already published at `since`. */
  sent: Record<string, string>;
}

export const BASELINE = 'baseline';

/** Records are kept this long past the age limit (an event older than the limit is never sent again). */
const KEEP_MS = 30 * DAY;

const ledgerSchema = z.object({
  version: z.literal(1),
  channels: z.record(z.string(), z.object({ since: z.string(), sent: z.record(z.string(), z.string()) })),
});

export function emptyLedger(): Ledger {
  return { version: 1, channels: {} };
}

/** Reads `ledger.json`; a file Candor cannot read is an error, never an empty ledger (that would resend nothing but lose the record). */
export function parseLedger(text: string): Ledger {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`The notification ledger is not valid JSON (${(e as Error).message}); restore it from the ledger branch's history.`);
  }
  const parsed = ledgerSchema.safeParse(data);
  if (!parsed.success) throw new Error(`The notification ledger has an unknown shape (${parsed.error.issues[0]?.message}); restore it from the ledger branch's history.`);
  return parsed.data as Ledger;
}

export function serializeLedger(ledger: Ledger): string {
  return `${JSON.stringify(ledger, null, 2)}\n`;
}

export function wasSent(ledger: Ledger, channel: string, key: string): boolean {
  return ledger.channels[channel]?.sent[key] !== undefined;
}

export function recordSent(ledger: Ledger, channel: string, key: string, at: Date | typeof BASELINE, since: Date): void {
  const record = (ledger.channels[channel] ??= { since: since.toISOString(), sent: {} });
  record.sent[key] ??= at === BASELINE ? BASELINE : at.toISOString();
}

/** Two runs' ledgers as one: every delivery either recorded, the earliest `since`. */
export function mergeLedgers(a: Ledger, b: Ledger): Ledger {
  const merged = emptyLedger();
  for (const ledger of [a, b]) {
    for (const [channel, record] of Object.entries(ledger.channels)) {
      const into = (merged.channels[channel] ??= { since: record.since, sent: {} });
      if (record.since < into.since) into.since = record.since;
      for (const [key, when] of Object.entries(record.sent)) {
        const had = into.sent[key];
        into.sent[key] = had === undefined || (had !== BASELINE && (when === BASELINE || when < had)) ? when : had;
      }
    }
  }
  return merged;
}

/**
 * Drops records that can no longer matter: delivered (or recorded at the baseline) long before the
 * age limit, so the event is older than the limit and never sent again. Keeps the file small.
 */
export function pruneLedger(ledger: Ledger, now: Date, maxAgeMs: number): Ledger {
  const cutoff = now.getTime() - maxAgeMs - KEEP_MS;
  for (const record of Object.values(ledger.channels)) {
    const recorded = Date.parse(record.since);
    for (const [key, when] of Object.entries(record.sent)) {
      const at = when === BASELINE ? recorded : Date.parse(when);
      if (at < cutoff) delete record.sent[key];
    }
  }
  return ledger;
}
