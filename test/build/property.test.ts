import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/core/load.ts';
import { parseEntry, parsePostmortem } from '../../src/core/parse.ts';
import { Problems } from '../../src/core/problems.ts';
import { buildSite, timeFor } from '../helpers/build.ts';
import { xmlErrors } from '../helpers/xml.ts';
import { config, makeProject } from '../helpers/project.ts';

const componentIds = config.components.map((c) => c.id);
const word = fc.constantFrom('Investigating', 'Identified', 'Monitoring', 'Update', 'Resolved', 'Scheduled', 'In progress', 'Completed', 'Resolvd', '### Resolved', 'Done');
const time = fc.date({ min: new Date('2026-01-01T00:00Z'), max: new Date('2026-12-31T23:59Z'), noInvalidDate: true }).map((d) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{{components}}', '> > > quoted', '<div><b>x</b></div>', '**bold** _it_', '```\n## Resolved — 2026-11-20 15:00 UTC\n```', '[link](https://example.com)', '![img](/a.png)', '\u0007', '&amp; <script>x</script>', ''),
);
const field = fc.oneof(
  fc.constantFrom('title: A title', 'title: "Quoted: title"', 'title:', 'components:\n  api: major_outage', 'components: [api, db]', 'impact: major', 'next_update: 2026-11-24T13:00Z', 'started: 0026-01-01', 'draft: true', 'scheduled_for: 2026-12-01T02:00Z', 'scheduled_until: 2026-12-01T04:00Z', 'x: *alias', '? [a]\n: b', 'title: !tag x'),
  fc.string({ maxLength: 40 }),
);
const file = fc.record({ fields: fc.array(field, { maxLength: 6 }), updates: fc.array(fc.tuple(word, time, text), { maxLength: 5 }), noise: fc.string({ maxLength: 30 }) }).map(
  ({ fields, updates, noise }) => `---\n${fields.join('\n')}\n---\n${noise}\n${updates.map(([w, t, body]) => `## ${w} — ${t}\n${body}\n`).join('\n')}`,
);

describe('the check never throws, whatever a file holds', () => {
  it('on random incident and post-mortem files', () => {
    fc.assert(
      fc.property(fc.oneof(file, fc.string({ maxLength: 500 })), (source) => {
        const problems = new Problems();
        parseEntry({ file: 'incidents/x.md', id: 'x', text: source }, { componentIds }, problems);
        parsePostmortem({ file: 'incidents/x.postmortem.md', id: 'x', text: source }, new Problems());
        for (const p of problems.list) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.hint.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('a project that passes the check always builds, with well-formed feeds, calendar and API', () => {
  it('for generated projects', () => {
    // Files that mostly pass, with text XML and HTML must escape.
    const plain = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 <>&"'.,!?*_\]\[()]{0,60}$/);
    const incident = fc
      .record({
        title: plain,
        components: fc.subarray(componentIds).chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.constantFrom('degraded_performance', 'partial_outage', 'major_outage'), { minLength: ids.length, maxLength: ids.length }))),
        updates: fc.array(fc.tuple(fc.constantFrom('Investigating', 'Identified', 'Monitoring', 'Update'), plain), { minLength: 1, maxLength: 4 }),
        resolved: fc.boolean(),
      })
      .map(({ title, components: [ids, statuses], updates, resolved }) => {
        const list = [...updates, ...(resolved ? [['Resolved', 'Fixed & done.'] as const] : [])];
        const body = list.map(([w, t], k) => `## ${w} — 2026-11-2${Math.min(k, 3)} 1${k}:00 UTC\n${t}\n`).reverse().join('\n');
        const comps = ids.length ? `components:\n${ids.map((id, k) => `  ${id}: ${statuses[k]}`).join('\n')}\n` : '';
        return `---\ntitle: ${JSON.stringify(title)}\n${comps}---\n\n${body}`;
      });
    const passing = fc.sample(fc.array(fc.oneof(incident, incident, file), { minLength: 1, maxLength: 4 }), 60).flatMap((files) => {
      const project = Object.fromEntries(files.map((f, k) => [`incidents/2026-gen-${k}.md`, f]));
      const root = makeProject(project);
      return loadProject(root, new Date('2026-11-24T12:00Z')).project ? [root] : [];
    });
    // The generator makes valid projects often enough to build a few of them.
    expect(passing.length).toBeGreaterThanOrEqual(3);
    for (const root of passing.slice(0, 3)) {
      const r = buildSite(root, { CANDOR_NOW: '2026-11-24T12:00Z' });
      expect(r.code, r.output).toBe(0);
      const files = readdirSync(r.outDir, { recursive: true, encoding: 'utf8' });
      for (const f of files.filter((n) => /\.(rss|atom|svg|xml)$/.test(n))) expect([f, xmlErrors(readFileSync(join(r.outDir, f), 'utf8'))]).toEqual([f, []]);
      for (const f of files.filter((n) => n.endsWith('.json'))) expect(() => JSON.parse(readFileSync(join(r.outDir, f), 'utf8'))).not.toThrow();
      expect(() => ICAL.parse(readFileSync(join(r.outDir, 'maintenance.ics'), 'utf8'))).not.toThrow();
    }
  }, timeFor(3));
});
