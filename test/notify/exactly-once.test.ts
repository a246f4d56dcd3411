import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, FIXTURE_CONFIG } from '../helpers/project.ts';
import { runNotify } from '../helpers/notify.ts';
import { type Received, type Receiver, startReceiver, WEBHOOK_SIGNING_SECRET } from '../helpers/receivers.ts';

/**
 * The exactly-once property over generated histories: updates posted (some backdated), edited,
 * reverted and posted again, runs that fail on some channels, re-runs, and time passing. After every
 * run, each channel has received exactly the updates a correct sender would have sent by then: each
 * update once, after the first run, while it is in the files and younger than the age limit.
 */

const CHANNELS = ['slack', 'discord', 'webhook'] as const;
type Channel = (typeof CHANNELS)[number];

type Op =
  | { kind: 'post'; back: number }
  | { kind: 'edit'; which: number }
  | { kind: 'revert' }
  | { kind: 'repost' }
  | { kind: 'run'; fail: Channel[] }
  | { kind: 'wait'; minutes: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('post' as const), back: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), which: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revert' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repost' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('run' as const), fail: fc.subarray([...CHANNELS]) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.oneof(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 600, max: 1800 })) }) },
);

const CONFIG = `${FIXTURE_CONFIG}notifications:
  - type: slack
    secret: SLACK_URL
  - type: discord
    secret: DISCORD_URL
  - type: webhook
    secret: HOOK_URL
    signing_secret: HOOK_SECRET
`;

const ANCHOR = /#(update-[\d-]+)/;
/** The update a delivery is about, read from what the service received. */
function deliveredKey(r: Received): string {
  const url: string = r.service === 'slack' ? r.json.blocks.at(-1).elements[0].url : r.service === 'discord' ? r.json.embeds[0].url : r.json.candor.url;
  return ANCHOR.exec(url)![1]!;
}

const anchorOf = (at: number) => {
  const iso = new Date(at).toISOString();
  return `update-${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
};
const heading = (at: number) => new Date(at).toISOString().slice(0, 16).replace('T', ' ');

let http: Receiver;
beforeAll(async () => {
  http = await startReceiver();
});
afterAll(() => http.close());

describe('exactly once', () => {
  it('delivers each update to each channel exactly once, over generated sequences of commits, re-runs, failures and reverts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 14 }), async (ops) => {
        const root = makeProject({}, CONFIG);
        const env = { SLACK_URL: `${http.url}/slack/hook`, DISCORD_URL: `${http.url}/discord/hook`, HOOK_URL: `${http.url}/webhook`, HOOK_SECRET: WEBHOOK_SIGNING_SECRET };
        const DAY = 24 * 3_600_000;
        let now = Date.parse('2026-11-29T08:00:00Z');
        // The files: update time → text version. Removed ones can be posted again.
        const present = new Map<number, number>();
        const removed: number[] = [];
        let firstRunDone = false;
        const expected: Record<Channel, Map<string, number>> = { slack: new Map(), discord: new Map(), webhook: new Map() };
        const baseline = new Set<string>();
        const start = http.accepted.length;

        const write = () => {
          const updates = [...present.entries()].sort((a, b) => b[0] - a[0]);
          const body = updates.map(([at, v]) => `## Update — ${heading(at)} UTC\nThe search index is rebuilding (text version ${v}).\n`).join('\n');
          const path = join(root, 'incidents', 'search.md');
          if (updates.length === 0) rmSync(path, { force: true });
          else writeFileSync(path, `---\ntitle: Search is slow\ncomponents:\n  search: degraded_performance\n---\n\n${body}`);
        };

        for (const o of ops) {
          if (o.kind === 'post') {
            const latest = Math.max(0, ...present.keys(), ...removed);
            let at = Math.max(latest + 60_000, now - o.back * 60_000);
            at -= at % 60_000;
            if (at > now) now = at;
            present.set(at, 1);
            write();
          } else if (o.kind === 'edit' && present.size) {
            const at = [...present.keys()][o.which % present.size]!;
            present.set(at, present.get(at)! + 1);
            write();
          } else if (o.kind === 'revert' && present.size) {
            const at = Math.max(...present.keys());
            present.delete(at);
            removed.push(at);
            write();
          } else if (o.kind === 'repost' && removed.length) {
            const at = removed.pop()!;
            present.set(at, 1);
            write();
          } else if (o.kind === 'wait') {
            now += o.minutes * 60_000;
          } else if (o.kind === 'run') {
            for (const c of CHANNELS) http.script(c, o.fail.includes(c) ? Array(3).fill({ status: 500 }) : []);
            const run = await runNotify(root, new Date(now).toISOString(), env);
            expect(run.code, run.err).toBe(0);
            // What a correct sender does: the first run records; later runs send what is new and young enough.
            for (const at of present.keys()) {
              const key = anchorOf(at);
              if (!firstRunDone) {
                if (at >= now - DAY) baseline.add(key);
                continue;
              }
              for (const c of CHANNELS) {
                if (o.fail.includes(c) || baseline.has(key) || expected[c].has(key) || at < now - DAY) continue;
                expected[c].set(key, 1);
              }
            }
            firstRunDone = true;
            for (const c of CHANNELS) http.script(c, []);
            const got = http.accepted.slice(start);
            for (const c of CHANNELS) {
              const counts = new Map<string, number>();
              for (const r of got.filter((x) => x.service === c)) counts.set(deliveredKey(r), (counts.get(deliveredKey(r)) ?? 0) + 1);
              expect(Object.fromEntries(counts), `${c} after ${JSON.stringify(ops)}`).toEqual(Object.fromEntries(expected[c]));
            }
          }
        }
        expect(http.problems).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
