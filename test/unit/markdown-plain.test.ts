import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseWithRemark, plainHtml, plainTree, renderTree, renderWithRehype } from '../../src/core/markdown.ts';
import { random } from '../../scripts/lib/generate.ts';
import { markdownFiles } from '../helpers/corpus.ts';

// Plain text is turned into a tree (and HTML) without the parser: whatever it takes, it must make
// exactly what the parser and renderer make, positions included, since the check's lines and the
// pages' text come from them.

/** Each root the parser makes, and its HTML: of the whole text (a post-mortem) and of the blocks under the headings (updates). */
function agreeWithParser(source: string): boolean {
  const plain = plainTree(source);
  if (!plain) return false;
  expect(plain, JSON.stringify(source)).toEqual(parseWithRemark(source));
  const blocks = plain.children.filter((n) => n.type !== 'heading');
  const root: Root = { type: 'root', children: blocks };
  expect(plainHtml(blocks), JSON.stringify(source)).toBe(renderWithRehype(structuredClone(root)));
  expect(plainHtml(plain.children), JSON.stringify(source)).toBe(renderWithRehype(structuredClone(plain)));
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

  it('makes what the parser makes for thousands of texts built from lines of lists, near-lists, headings and paragraphs', () => {
    const rnd = random(20261201);
    const valid = ['- Alert on lag.', '- a', '- Word é 😀', 'Plain words.', '## Prevention', ''];
    const lines = [...valid, ...valid, ...valid, '-  two spaces', '- - nested', '- # heading', '- 1. ordered', '- trailing ', '-', '- ', '* star', '+ plus', '1. one', '  - indented', '  continued', 'lazy text', 'Plain words.', '## Prevention', '### Steps', '', '', '---', '===', 'x'];
    let withLists = 0;
    for (let k = 0; k < 10000; k++) {
      const source = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => lines[Math.floor(rnd() * lines.length)]).join('\n');
      if (agreeWithParser(source) && plainTree(source)!.children.some((n) => n.type === 'list')) withLists++;
    }
    // The test means something only if many of the texts made lists the quick way.
    expect(withLists).toBeGreaterThan(500);
  });

  it('writes the trees the parser makes as the renderer does, or leaves them to it (task lists keep their checkboxes)', () => {
    const rnd = random(20261202);
    const lines = ['- [ ] Add alert', '- [x] Roll back', '- plain item', '* star item', '1. first', 'Plain words.', '## Prevention', '', '- a ~~b~~', '| a |', 'www.example.com', '- [link](https://example.com)'];
    let tasks = 0;
    for (let k = 0; k < 3000; k++) {
      const source = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => lines[Math.floor(rnd() * lines.length)]).join('\n');
      const tree = parseWithRemark(source);
      const html = plainHtml(tree.children);
      if (html !== undefined) expect(html, JSON.stringify(source)).toBe(renderWithRehype(structuredClone(tree)));
      if (source.includes('- [')) tasks++;
    }
    expect(tasks).toBeGreaterThan(500);
    expect(renderTree(parseWithRemark('- [ ] Add alert\n- [x] Roll back'))).toContain('<input type="checkbox" checked disabled>');
  });

  it('makes the sections of a post-mortem with their list of actions', () => {
    const source = '## Summary\nWhat happened.\n\n## Prevention\n- Alert on replica lag.\n- Test failover monthly.\n\nMore to come.';
    expect(agreeWithParser(source)).toBe(true);
    expect(plainHtml(plainTree(source)!.children)).toBe('<h2>Summary</h2>\n<p>What happened.</p>\n<h2>Prevention</h2>\n<ul>\n<li>Alert on replica lag.</li>\n<li>Test failover monthly.</li>\n</ul>\n<p>More to come.</p>');
  });

  it('leaves to the parser what it does not make', () => {
    for (const source of ['**bold**', 'a  \nb', '    code', '> quote', '* item', '+ item', '-  item', '- - item', '- # item', '- a\nlazy', '- a\n  more', '- a\n\n- b', '- a\n## b', '1. item', 'Title\n===', '## Heading #', 'a <b>', 'AT&T', 'see https://example.com', 'a\tb', '# x\n\n\tcode']) {
      expect(plainTree(source), source).toBeUndefined();
    }
  });
});
