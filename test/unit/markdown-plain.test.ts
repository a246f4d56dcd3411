import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWithRemark, plainHtml, plainTree, renderWithRehype } from '../../src/core/markdown.ts';
import { generateProject } from '../../scripts/lib/generate.ts';

// Plain text is turned into a tree (and HTML) without the parser: whatever it takes, it must make
// exactly what the parser and renderer make, positions included, since the check's lines and the
// pages' text come from them.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function bodies(root: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    found.push(text.replace(/^---\n[^]*?\n---\n/, ''));
  }
  return found;
}

/** Each root the parser makes, and the HTML of its blocks under each heading, as updates are rendered. */
function agreeWithParser(source: string): boolean {
  const plain = plainTree(source);
  if (!plain) return false;
  expect(plain, JSON.stringify(source)).toEqual(parseWithRemark(source));
  const blocks = plain.children.filter((n) => n.type !== 'heading');
  const root: Root = { type: 'root', children: blocks };
  expect(plainHtml(blocks), JSON.stringify(source)).toBe(renderWithRehype(structuredClone(root)));
  return true;
}

/** A seeded generator, so that a failure can be run again. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe('plain Markdown without the parser', () => {
  it('makes what the parser makes for the updates of a generated history, the example site and the fixtures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-plain-'));
    dirs.push(dir);
    generateProject(dir, 300, new Date('2026-11-24T12:00Z'), 7);
    const sources = [...bodies(dir), ...bodies('incidents'), ...bodies('test/fixtures/site')];
    const plain = sources.filter(agreeWithParser).length;
    // Most generated updates are plain text; the rest went to the parser.
    expect(plain).toBeGreaterThan(sources.length / 2);
  });

  it('makes what the parser makes for thousands of texts built from the characters that start syntax', () => {
    const rnd = random(20261130);
    // Pieces of plain text, and pieces that start syntax somewhere (at a line's start, its end, or anywhere).
    const plainPieces = ['a', 'Word', ' ', '  ', '\n', '\n', '\n\n', '## ', '# ', '###### ', '1', '.', ')', ',', '!', ':', '"', "'", '(', '—', 'é', '😀', '\u00a0', '\u3000', 'x#', '-', '=', '+', '0.'];
    const syntaxPieces = ['####### ', '1. ', '2) ', '1234567890.', '- ', '+ ', '==', '>', '*', '_', '`', '~', '|', '[', ']', '<', '&', '://', 'www.', '@', '\\', '\t', '\u2028', '\u0000', ' #', '\r', '\v', '\f'];
    let plain = 0;
    for (let k = 0; k < 20000; k++) {
      const length = 1 + Math.floor(rnd() * 16);
      const pick = () => (rnd() < 0.9 ? plainPieces : syntaxPieces);
      const source = Array.from({ length }, () => {
        const pieces = pick();
        return pieces[Math.floor(rnd() * pieces.length)];
      }).join('');
      if (agreeWithParser(source)) plain++;
    }
    // The test means something only if many of the texts took the quick way.
    expect(plain).toBeGreaterThan(3000);
  });

  it('leaves to the parser what it does not make', () => {
    for (const source of ['**bold**', 'a  \nb', '    code', '> quote', '- item', '1. item', 'Title\n===', '## Heading #', 'a <b>', 'AT&T', 'see https://example.com', 'a\tb', '# x\n\n\tcode']) {
      expect(plainTree(source), source).toBeUndefined();
    }
  });
});
