import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject } from '../../scripts/lib/generate.ts';
import { ROOT } from './project.ts';

/**
 * The frontmatter and body of every Markdown file of a generated history (300 entries from `seed`),
 * the example site and the test fixtures: what the quick ways of reading are held to.
 */
export function markdownFiles(seed: number): { frontmatter: string; body: string }[] {
  const generated = mkdtempSync(join(tmpdir(), 'candor-corpus-'));
  try {
    generateProject(generated, 300, new Date('2026-11-24T12:00Z'), seed);
    return [generated, join(ROOT, 'incidents'), join(ROOT, 'test/fixtures')].flatMap((root) =>
      readdirSync(root, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
        .map((entry) => {
          const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
          const m = /^---\n([^]*?)\n---\n/.exec(text);
          return { frontmatter: m ? `${m[1]}\n` : '', body: m ? text.slice(m[0].length) : text };
        }),
    );
  } finally {
    rmSync(generated, { recursive: true, force: true });
  }
}

/** Deterministic words from `seed`, as varied as a real vocabulary (they compress as prose does, not as a repeated sentence): `words(n)` is some `n` characters of them. */
export function wordsFrom(seed: number): (chars: number) => string {
  // mulberry32: exact in 32-bit integers, a period of 2^32.
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = Math.imul(s ^ (s >>> 15), 1 | s);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) / 2 ** 32;
  };
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'si', 'pe', 'gu', 'dra', 'tho', 'bel', 'quin', 'zor', 'fan', 'wex', 'yul'];
  const vocabulary = Array.from({ length: 5000 }, () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => syllables[Math.floor(next() * syllables.length)]).join(''));
  return (chars) => {
    const out: string[] = [];
    for (let n = 0; n < chars; ) n += (out[out.length] = vocabulary[Math.floor(next() * vocabulary.length)]!).length + 1;
    return out.join(' ');
  };
}

/** Paragraphs of words, each within the paragraph limit, some `chars` characters in all. */
export const paragraphs = (words: (chars: number) => string, chars: number): string =>
  Array.from({ length: Math.ceil(chars / 2800) }, () => words(2800)).join('\n\n');

/** An open incident's file of `count` updates, one every 7 minutes from Nov 1, the `k`th of the text `body(k)`. */
export function longIncidentText(count: number, body: (k: number) => string): string {
  const blocks = Array.from({ length: count }, (_, k) => {
    const at = new Date(Date.parse('2026-11-01T00:00Z') + k * 7 * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    return `## ${k === 0 ? 'Investigating' : 'Monitoring'} — ${at} UTC\n${body(k)}\n`;
  });
  return `---\ntitle: A long incident\ncomponents:\n  api: major_outage\n---\n\n${blocks.reverse().join('\n')}`;
}
