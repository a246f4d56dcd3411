import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSent } from '../../src/notify/ledger.ts';
import { gitBranchStore } from '../../src/notify/ledger-store.ts';
import { git } from '../helpers/cli.ts';
import { addUpdate, channelEnv, channelProject, runNotify } from '../helpers/notify.ts';
import { type MailReceiver, type Receiver, startMailReceiver, startReceiver } from '../helpers/receivers.ts';
import { t } from '../helpers/project.ts';

/** A clone with a bare repository as its origin, as the Deploy workflow's checkout is. */
function cloneWithOrigin(project: string): { origin: string; clone: string } {
  const origin = mkdtempSync(join(tmpdir(), 'candor-origin-'));
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  git(project, 'init', '-q', '-b', 'main');
  git(project, 'add', '-A');
  git(project, 'commit', '-qm', 'status');
  git(project, 'push', '-q', origin, 'main');
  const clone = mkdtempSync(join(tmpdir(), 'candor-clone-'));
  execFileSync('git', ['clone', '-q', origin, clone]);
  return { origin, clone };
}

const ID = '2026-11-29-search';
const INCIDENT = `---
title: Search is slow
components:
  search: degraded_performance
---

## Investigating — 2026-11-29 09:00 UTC
Search results take several seconds.
`;

let http: Receiver;
let mail: MailReceiver;
beforeAll(async () => {
  http = await startReceiver();
  mail = await startMailReceiver();
});
afterAll(async () => {
  await http.close();
  await mail.close();
});

describe('the ledger on its own branch', () => {
  it('is created by the first run, read by the next, and two runs saving at once keep both deliveries', async () => {
    const { origin, clone } = cloneWithOrigin(channelProject(http, { [`incidents/${ID}.md`]: INCIDENT }));
    const env = channelEnv(http, mail);
    const first = await runNotify(clone, '2026-11-29T09:05:00Z', env, { ledger: null });
    expect(first.code, first.err).toBe(0);
    expect(git(origin, 'ls-tree', '--name-only', 'candor-ledger')).toBe('README.md\nledger.json\n');
    expect(JSON.parse(git(origin, 'show', 'candor-ledger:ledger.json')).channels['slack-slack-url'].sent[`${ID}#update-2026-11-29-0900`]).toBe('baseline');
    expect(http.accepted).toHaveLength(0);

    addUpdate(clone, ID, 'Identified — 2026-11-29 09:20 UTC', 'An index rebuild is running.');
    const second = await runNotify(clone, '2026-11-29T09:25:00Z', env, { ledger: null });
    expect(second.code, second.err).toBe(0);
    expect(http.accepted.filter((r) => r.service === 'slack')).toHaveLength(1);
    // A re-run of the same deploy from another clone (another job) sends nothing.
    const other = mkdtempSync(join(tmpdir(), 'candor-clone-'));
    execFileSync('git', ['clone', '-q', origin, other]);
    addUpdate(other, ID, 'Identified — 2026-11-29 09:20 UTC', 'An index rebuild is running.');
    const rerun = await runNotify(other, '2026-11-29T09:26:00Z', env, { ledger: null });
    expect(rerun.out).not.toMatch(/sent: /);
    expect(http.accepted.filter((r) => r.service === 'slack')).toHaveLength(1);
    // The first run's record and the second's deliveries; a run with nothing new commits nothing.
    expect(git(origin, 'log', '--format=%s', 'candor-ledger').trim().split('\n')).toHaveLength(2);

    // Two stores that read the same ledger, then each record a different delivery and save.
    const a = gitBranchStore(clone, 'candor-ledger');
    const b = gitBranchStore(other, 'candor-ledger');
    const la = a.read()!;
    const lb = b.read()!;
    recordSent(la, 'slack-slack-url', 'x#a', t('2026-11-29T09:30Z'), t('2026-11-29T09:30Z'));
    recordSent(lb, 'slack-slack-url', 'x#b', t('2026-11-29T09:30Z'), t('2026-11-29T09:30Z'));
    a.write(la, 'run a');
    b.write(lb, 'run b');
    const sent = JSON.parse(git(origin, 'show', 'candor-ledger:ledger.json')).channels['slack-slack-url'].sent;
    expect(sent['x#a']).toBeDefined();
    expect(sent['x#b']).toBeDefined();
    expect(sent[`${ID}#update-2026-11-29-0920`]).toBeDefined();
  });

  it('sends nothing when the ledger cannot be read (no access), rather than guess that there is none', async () => {
    const { clone } = cloneWithOrigin(channelProject(http, { [`incidents/${ID}.md`]: INCIDENT }));
    git(clone, 'remote', 'set-url', 'origin', join(tmpdir(), 'candor-no-such-origin'));
    const run = await runNotify(clone, '2026-11-29T09:05:00Z', channelEnv(http, mail), { ledger: null });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^Nothing was sent: Could not read the notification ledger from branch candor-ledger of origin/);
  });

  it('refuses a ledger branch that is something else', async () => {
    const { clone } = cloneWithOrigin(channelProject(http, { [`incidents/${ID}.md`]: INCIDENT }));
    git(clone, 'push', '-q', 'origin', 'main:candor-ledger');
    const run = await runNotify(clone, '2026-11-29T09:05:00Z', channelEnv(http, mail), { ledger: null });
    expect(run.code).toBe(1);
    expect(run.err).toContain('Branch candor-ledger has no ledger.json: it is not a Candor ledger.');
  });
});
