import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { buildSite, timeFor } from '../helpers/build.ts';
import { runIn } from '../helpers/cli.ts';
import { makeProject, ROOT } from '../helpers/project.ts';

const ID = '2026-11-24-checkout-errors';

describe('a whole incident run with the CLI alone', () => {
  it('open, two updates that move components, resolve, write and publish the post-mortem: the site, feeds and API say what was typed', { timeout: timeFor(2, 60_000) }, async () => {
    const root = makeProject({});
    cpSync(join(ROOT, 'incidents/_templates'), join(root, 'incidents/_templates'), { recursive: true });
    const run = async (now: string, args: string[], answers?: unknown[]) => {
      const r = await runIn(root, args, { now, ...(answers ? { answers } : {}) });
      expect(r.code, r.err).toBe(0);
      return r;
    };

    // By flags: open with the acknowledgement template.
    await run('2026-11-24T12:00:00Z', ['new', 'incident', '--title', 'Checkout errors', '-c', 'api=partial_outage', '-n', '30']);
    // By flags: the cause, and the components move.
    await run('2026-11-24T12:20:00Z', ['update', ID, '-s', 'identified', '-c', 'api=major_outage', '-c', 'web=degraded_performance', '-m', 'A bad deploy broke card payments. We are rolling it back.', '-n', '30']);
    // In a terminal: the API recovers; the message is typed at the prompt.
    await run('2026-11-24T12:45:00Z', ['update', ID, '-c', 'api=operational'], ['monitoring', '20', 'write', 'The API has recovered. The website is still slow.', 'post', true]);
    await run('2026-11-24T13:10:00Z', ['resolve', ID, '--postmortem']);
    await run('2026-11-24T14:00:00Z', ['postmortem', ID]);
    // The draft is on no page and in no feed: the incident page does not link to it.
    const drafted = buildSite(root, { CANDOR_NOW: '2026-11-24T14:30Z' });
    expect(drafted.code, drafted.output).toBe(0);
    expect(readFileSync(join(drafted.outDir, `incidents/${ID}/index.html`), 'utf8')).not.toContain('/postmortem/');
    expect(existsSync(join(drafted.outDir, `incidents/${ID}/postmortem/index.html`))).toBe(false);
    expect(readFileSync(join(drafted.outDir, 'history.rss'), 'utf8')).not.toContain('Post-mortem');

    const pmFile = join(root, 'incidents', `${ID}.postmortem.md`);
    // The author writes each section in place of the guidance.
    const written = ['Card payments failed for 70 minutes.', 'Merchants could not take card payments.', 'A deploy shipped a bad configuration.', 'We rolled the deploy back.', 'Configuration changes are now canaried.'];
    let k = 0;
    writeFileSync(pmFile, readFileSync(pmFile, 'utf8').replace(/\{\{[^}]*\}\}/g, () => written[k++]!));
    await run('2026-11-24T15:00:00Z', ['postmortem', ID, '--publish']);
    expect((await runIn(root, ['check'], { now: '2026-11-24T15:30:00Z' })).out).toBe('✓ Checked 3 files: no problems.');

    const r = buildSite(root, { CANDOR_NOW: '2026-11-24T15:30Z' });
    expect(r.code, r.output).toBe(0);
    const read = (path: string) => readFileSync(join(r.outDir, path), 'utf8');

    const typed = [
      ['Resolved', 'This incident is resolved, and everything affected (the API and the Website) works normally again. It lasted 1 h 10 min.'],
      ['Monitoring', 'The API has recovered. The website is still slow.'],
      ['Identified', 'A bad deploy broke card payments. We are rolling it back.'],
      ['Investigating', 'We are investigating reports of problems with the API. We will share more as soon as we know it.'],
    ] as const;

    const page = read(`incidents/${ID}/index.html`);
    const timeline = page.slice(page.indexOf('Updates</h2>'));
    const positions = typed.map(([, text]) => timeline.indexOf(text));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(page).toContain('We will publish a post-mortem explaining what happened and what we will change.');
    expect(page).toContain(`href="/incidents/${ID}/postmortem/"`);
    expect(read(`incidents/${ID}/postmortem/index.html`)).toContain('Configuration changes are now canaried.');

    const feed = parseFeed(read('history.rss'));
    expect(feed.items.map((i) => i.title)).toEqual(['[Post-mortem] Checkout errors', ...typed.map(([word]) => `[${word}] Checkout errors`)]);
    typed.forEach(([, text], i) => expect(feed.items[i + 1]!.content).toContain(text));

    const api = JSON.parse(read(`api/v2/incidents/${ID}.json`));
    expect(api.incident.status).toBe('resolved');
    // The API's body is the update's plain text, as Statuspage gives it.
    expect(api.incident.incident_updates.map((u: { status: string; body: string }) => [u.status, u.body])).toEqual([
      ['resolved', `${typed[0][1]} We are sorry for the disruption. We will publish a post-mortem explaining what happened and what we will change.`],
      ['monitoring', typed[1][1]],
      ['identified', typed[2][1]],
      ['investigating', `${typed[3][1]} We will post the next update by 12:30 UTC.`],
    ]);
    // Both stay listed as affected; the page says when the API recovered.
    expect(api.incident.components.map((c: { name: string }) => c.name)).toEqual(['API', 'Website']);
    expect(page).toMatch(/data-component="api">.*recovered <time datetime="2026-11-24T12:45:00.000Z"/s);
  });
});
