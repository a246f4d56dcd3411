import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../scripts/lib/generate.ts';
import { loadInParallel } from '../../src/core/load-parallel.ts';
import { loadProject } from '../../src/core/load.ts';

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

  it("parses the same where the process keeps Node's compile cache, as Astro's command line does (the threads keep theirs there too)", () => {
    const cache = mkdtempSync(join(tmpdir(), 'candor-compile-cache-'));
    const script = `
      import { enableCompileCache } from 'node:module';
      enableCompileCache(${JSON.stringify(cache)});
      const { loadInParallel } = await import(${JSON.stringify(new URL('../../src/core/load-parallel.ts', import.meta.url).href)});
      const { loadProject } = await import(${JSON.stringify(new URL('../../src/core/load.ts', import.meta.url).href)});
      const now = new Date(${JSON.stringify(now.toISOString())});
      const parallel = await loadInParallel(${JSON.stringify(root)}, now);
      const serial = loadProject(${JSON.stringify(root)}, now);
      console.log(JSON.stringify({ entries: parallel.project.entries.length, same: JSON.stringify(parallel.project) === JSON.stringify(serial.project) }));`;
    const run = () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as unknown;
    expect(run()).toEqual({ entries: 1000, same: true });
    // A second run starts from what the first kept.
    expect(run()).toEqual({ entries: 1000, same: true });
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
});
