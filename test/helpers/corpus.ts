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
