import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../scripts/lib/generate.ts';
import { loadInParallel, parseInParallel } from '../../src/core/load-parallel.ts';
import { loadProject } from '../../src/core/load.ts';
import { type Problem, Problems } from '../../src/core/problems.ts';
import { loadConfig } from '../../src/core/read.ts';

describe('parsing on worker threads (candor check, and the build while Astro starts)', () => {
  // 1,000 files: more than one thread's share, so the listing is split.
  const now = new Date('2026-11-24T12:00:00Z');
  const { root } = generateProject(join(mkdtempSync(join(tmpdir(), 'candor-parallel-')), 'p'), 1000, now);

  it('gives the project loadProject gives, entry for entry', async () => {
    const serial = loadProject(root, now);
    const parallel = await loadInParallel(root, now);
    expect(serial.project?.entries).toHaveLength(1000);
    expect(parallel.project).toEqual(serial.project);
    expect(parallel.problems.list).toEqual(serial.problems.list);
    expect(parallel.files).toBe(serial.files);
  });

  it("starts its threads with Node's compile cache where the process keeps one (as Astro's command line does), and without where it does not", () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-compile-cache-'));
    writeFileSync(join(dir, 'thread.mjs'), "import { getCompileCacheDir } from 'node:module';\nimport { parentPort } from 'node:worker_threads';\nparentPort.postMessage(getCompileCacheDir() ?? null);\n");
    writeFileSync(
      join(dir, 'main.mjs'),
      `import { enableCompileCache, getCompileCacheDir } from 'node:module';
      if (process.argv[2] === 'on') enableCompileCache(${JSON.stringify(join(dir, 'cache'))});
      const { startThread } = await import(${JSON.stringify(new URL('../../src/core/load-parallel.ts', import.meta.url).href)});
      const thread = startThread(new URL(${JSON.stringify(pathToFileURL(join(dir, 'thread.mjs')).href)}), null);
      thread.once('message', (inThread) => {
        console.log(JSON.stringify({ process: getCompileCacheDir() ?? null, thread: inThread }));
        void thread.terminate();
      });`,
    );
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_COMPILE_CACHE'));
    const run = (cache: 'on' | 'off') => JSON.parse(execFileSync(process.execPath, [join(dir, 'main.mjs'), cache], { encoding: 'utf8', env })) as { process: string | null; thread: string | null };
    try {
      const on = run('on');
      expect(on.process?.startsWith(join(dir, 'cache'))).toBe(true);
      expect(on.thread).toBe(on.process);
      expect(run('off')).toEqual({ process: null, thread: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports the same problems in the same order, from files at both ends of the listing', async () => {
    writeFileSync(join(root, 'incidents', 'Bad Name.md'), '---\ntitle: x\n---\n');
    writeFileSync(join(root, 'incidents', 'zz-unknown-component.md'), '---\ntitle: Broken\ncomponents:\n  nowhere: major_outage\n---\n\n## Investigating — 2026-11-20 10:00 UTC\nLooking.\n');
    const year = readdirSync(join(root, 'incidents')).sort()[0]!;
    const first = readdirSync(join(root, 'incidents', year)).sort()[0]!;
    appendFileSync(join(root, 'incidents', year, first), '\n## Monitoring — yesterday\nA heading without a time.\n');
    const serial = loadProject(root, now);
    const parallel = await loadInParallel(root, now);
    const files = new Set(parallel.problems.errors.map((p) => p.file));
    expect(files).toEqual(new Set(['incidents/Bad Name.md', 'incidents/zz-unknown-component.md', `incidents/${year}/${first}`]));
    expect(parallel.problems.list).toEqual(serial.problems.list);
    expect(parallel.project).toBeUndefined();
  });

  it('takes the configuration a build has loaded already, with its problems, and does not read it again', async () => {
    const { root: small } = generateProject(join(mkdtempSync(join(tmpdir(), 'candor-loaded-')), 'p'), 20, now);
    const config = loadConfig(small, new Problems())!;
    const noted: Problem = { severity: 'warning', file: 'candor.config.yaml', line: 3, column: 1, message: 'A note about the configuration.', hint: 'Nothing to do.' };
    // Read again, the file would now fail: the parse takes the configuration it is given.
    writeFileSync(join(small, 'candor.config.yaml'), 'site: [unclosed\n');
    const parsed = await parseInParallel(small, { background: true, loaded: { config, problems: [noted] } });
    expect(parsed.config).toBe(config);
    expect(parsed.problems).toEqual([noted]);
    expect(parsed.parsed).toHaveLength(20);
    expect(parsed.parsed.every((p) => p.entry !== undefined && p.problems.length === 0)).toBe(true);
  });
});
