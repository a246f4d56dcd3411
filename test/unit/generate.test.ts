import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../scripts/lib/generate.ts';
import { loadProject } from '../../src/core/load.ts';
import { activeEntries } from '../../src/core/rules/status.ts';

describe('the benchmark content generator', () => {
  it('writes valid, realistic content: incidents of 2 to 6 updates, maintenance, post-mortems, one ongoing incident', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const generated = generateProject(join(mkdtempSync(join(tmpdir(), 'candor-gen-')), 'p'), 800, now);
    const { project, problems } = loadProject(generated.root, now);
    expect(problems.errors).toEqual([]);
    const entries = project!.entries;
    expect(entries).toHaveLength(800);
    expect(generated.incidents + generated.maintenance).toBe(800);
    expect(generated.maintenance).toBeGreaterThan(20);
    expect(generated.postmortems).toBeGreaterThan(5);
    const counts = entries.filter((e) => e.kind === 'incident').map((e) => e.updates.length);
    expect(Math.min(...counts)).toBe(2);
    expect(Math.max(...counts)).toBe(6);
    expect(activeEntries(entries, now).incidents).toHaveLength(1);
    const years = new Set(entries.map((e) => e.file.split('/')[1]));
    expect(years.size).toBeGreaterThan(1);
  });
});
