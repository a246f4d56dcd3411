import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXTURE_NOW, fixtureProject } from '../fixtures/build-fixture.ts';
import { timeFor } from '../helpers/build.ts';
import { ROOT } from '../helpers/project.ts';

// `astro dev` through Astro's own API, in a process of its own (the project is chosen by its
// environment), stopped when its input ends. Its Vite bundles no dependencies for the browser (Astro
// asks for its toolbar's, after any configuration: a plugin of the last word), and keeps its cache in
// a folder of its own: the repository's node_modules/.vite stays as builds leave it.
const DEV_SERVER = `
import { dev } from 'astro';
const none = (options) => ({ ...options, noDiscovery: true, include: [] });
const noBundling = { name: 'no-bundling', enforce: 'post', config(c) { c.optimizeDeps = none(c.optimizeDeps); }, configEnvironment(_name, o) { o.optimizeDeps = none(o.optimizeDeps); } };
const vite = { cacheDir: process.env.CANDOR_VITE_CACHE, plugins: [noBundling] };
const server = await dev({ root: process.cwd(), server: { host: '127.0.0.1', port: 0 }, logLevel: 'error', vite });
console.log('listening ' + server.address.port);
process.stdin.resume();
process.stdin.on('end', async () => { await server.stop(); process.exit(0); });
`;

const VITE_VARIABLES = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV']);

// A build writes these files itself once its pages are done, and has no route for them; a dev server
// (which has no such end) serves them from routes of its own. It must serve what a build writes.
describe('a dev server of the browser tests\' site', () => {
  const root = fixtureProject();
  const cache = mkdtempSync(join(tmpdir(), 'candor-dev-vite-'));
  let server: ChildProcess | undefined;
  let origin = '';

  beforeAll(async () => {
    // Without the variables Vitest sets as Vite's own (BASE_URL=/ would move the site from its base path).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITE_VARIABLES.has(name) && !name.startsWith('VITEST')));
    server = spawn(process.execPath, ['--input-type=module', '-e', DEV_SERVER], {
      cwd: ROOT,
      env: { ...env, CANDOR_ROOT: root, CANDOR_NOW: FIXTURE_NOW, CANDOR_VITE_CACHE: cache, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    origin = await new Promise<string>((resolve, reject) => {
      server!.stdout!.on('data', (d) => {
        output += d;
        const port = /listening (\d+)/.exec(output)?.[1];
        if (port) resolve(`http://127.0.0.1:${port}`);
      });
      server!.stderr!.on('data', (d) => (output += d));
      server!.on('exit', (code) => reject(new Error(`the dev server ended (${code}):\n${output}`)));
    });
  }, timeFor(1));

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const ended = new Promise((resolve) => server!.once('exit', resolve));
      server.stdin!.end();
      // Stopped by force only if it has not ended by itself within ten seconds.
      const stopped = setTimeout(() => server!.kill(), 10_000);
      await ended;
      clearTimeout(stopped);
    }
    for (const folder of [root, cache]) rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it("serves the files a build writes directly, as the build writes them: feeds, calendars, API documents, badges and shields endpoints", { timeout: timeFor(1) }, async () => {
    const built = inject('fixtureSite');
    const files = [
      'history.rss',
      'de/history.atom',
      'ar/maintenance.ics',
      'api/v2/summary.json',
      'de/api/v2/incidents/unresolved.json',
      'badge.svg',
      'shields.json',
      'components/api/history.rss',
      'de/components/api/history.atom',
      'ar/components/search/history.rss',
      'components/api/badge.svg',
      'components/api/shields.json',
      'incidents/2026-11-24-db-maintenance/calendar.ics',
      'de/incidents/2026-11-24-db-maintenance/calendar.ics',
      'api/v2/incidents/2026-11-24-api-errors.json',
    ];
    for (const file of files) {
      const response = await fetch(`${origin}/status/${file}`);
      expect(response.status, file).toBe(200);
      expect(await response.text(), file).toBe(readFileSync(join(built, file), 'utf8'));
    }
    expect((await fetch(`${origin}/status/components/api/badge.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetch(`${origin}/status/incidents/2026-11-24-db-maintenance/calendar.ics`)).headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  });
});
