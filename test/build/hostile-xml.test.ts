import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, timeFor } from '../helpers/build.ts';
import { xmlErrors } from '../helpers/xml.ts';
import { makeProject } from '../helpers/project.ts';

/** Names and text that XML must escape, in every place a feed, badge or sitemap may carry them. */
const HOSTILE_CONFIG = `site:
  name: "Fish & <Chips> \\"Co\\" 'Ltd'"
  url: https://status.example.com
  description: "Status of <Fish> & Chips ]]> and more"
components:
  - id: api
    name: "API <v2> & \\"Webhooks\\""
    group: core
  - id: web
    name: "R&D ]]> Site"
groups:
  - id: core
    name: "Core & <Main>"
`;

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(rss|atom|xml|svg)$/.test(f))
    .map((f) => join(dir, f));
}

describe('every XML output of a hostile site is well-formed', () => {
  it('feeds, badges and the sitemap parse with a strict XML parser', { timeout: timeFor(1) }, () => {
    const root = makeProject(
      {
        'incidents/2026-11-24-hostile.md': `---\ntitle: "Errors <b>here</b> & ]]> there \\"now\\""\ncomponents:\n  api: major_outage\n  web: degraded_performance\n---\n\n## Identified — 2026-11-24 11:30 UTC\nA <script>alert(1)</script> & ]]> and <![CDATA[ x ]]> with 😀 and "quotes".\n\n## Investigating — 2026-11-24 11:00 UTC\nLooking at R&D <stuff>.\n`,
        'incidents/2026-11-24-hostile.postmortem.md': '---\npublished: 2026-11-24T11:45Z\ntitle: "What <broke> & ]]> why"\n---\n\n## Summary\nIt & <it> broke ]]>.\n',
      },
      HOSTILE_CONFIG,
    );
    const r = buildSite(root, { CANDOR_NOW: '2026-11-24T12:00Z' });
    expect(r.code, r.output).toBe(0);
    const files = xmlFiles(r.outDir);
    expect(files.map((f) => relative(r.outDir, f)).sort()).toEqual(
      expect.arrayContaining(['history.rss', 'history.atom', 'badge.svg', 'components/api/history.rss', 'components/api/history.atom', 'components/api/badge.svg', 'sitemap-index.xml']),
    );
    for (const file of files) expect([relative(r.outDir, file), xmlErrors(readFileSync(file, 'utf8'))]).toEqual([relative(r.outDir, file), []]);
  });
});

describe('malformed input from the corpus never makes a site', () => {
  const corpus = join(import.meta.dirname, '..', 'fixtures', 'malformed');
  const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Record<string, [number, number, string]>;
  it.each(['deep-quotes.md', 'yaml-alias-bomb.md', 'control-character.md', 'paragraph-too-long.md'])('%s: the build fails with the check\'s located message', (name) => {
    const id = name.replace(/\.md$/, '');
    const root = makeProject({ [`incidents/${id}.md`]: readFileSync(join(corpus, name), 'utf8') });
    const r = buildSite(root, { CANDOR_NOW: '2026-11-24T12:00Z' });
    expect(r.code).not.toBe(0);
    const [line, column, message] = expected[name]!;
    expect(r.output).toContain(`incidents/${id}.md:${line}:${column}: error: ${message}`);
    expect(existsSync(r.outDir) ? readdirSync(r.outDir, { recursive: true }).filter((f) => String(f).endsWith('.html')) : []).toEqual([]);
  }, timeFor(1));
});
