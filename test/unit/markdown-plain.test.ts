import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseWithRemark, plainHtml, plainTree, renderWithRehype } from '../../src/core/markdown.ts';
import { random } from '../../scripts/lib/generate.ts';
import { markdownFiles } from '../helpers/corpus.ts';

// Plain text is turned into a tree (and HTML) without the parser: whatever it takes, it must make
// exactly what the parser and renderer make, positions included, since the check's lines and the
// pages' text come from them.

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


describe('plain Markdown without the parser', () => {
  it('makes what the parser makes for the updates of a generated history, the example site and the fixtures', () => {
    const sources = markdownFiles(7).map((file) => file.body);
    const plain = sources.filter(agreeWithParser).length;
    // Most generated updates are plain text; the rest went to the parser.
    expect(plain).toBeGreaterThan(sources.length / 2);
  });

  it('makes what the parser makes for thousands of texts built from the characters that start syntax', () => {
    const rnd = random(20261130);
    // Pieces of plain text, and pieces that start syntax somewhere (at a line's start, its end, or anywhere).
    const plainPieces = ['a', 'Word', ' ', '  ', '\n', '\n', '\n\n', '## ', '# ', '###### ', '1', '.', ')', ',', '!', ':', '"', "'", '(', '—', 'é', '😀', '\u00a0', '\u3000', 'x#', '-', '=', '+', '0.'];
    const syntaxPieces = ['####### ', '1. ', '2) ', '1234567890.', '- ', '+ ', '==', '>', '*', '_', '`', '~', '|', '[', ']', '<', '&', '://', 'www.', '@', '\\', '\t', '\u2028', '\u0000', ' #', '\r', '\v', '\f', '\ufeff'];
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
