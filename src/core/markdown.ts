import type { Root as HastRoot } from 'hast';
import type { List, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { isSiteUrl } from './origin.ts';

/** An image in an update that is not a file of the status site. */
export interface ForeignImage {
  url: string;
  /** Line and column in the Markdown the tree was parsed from. */
  line: number;
  column: number;
}

/**
 * The page loads nothing from another site, and sanitizing would drop other schemes (data:)
 * without a word: every image source that is not a file of the site is taken out and listed, so
 * that the check can name it.
 */
function withoutForeignImages() {
  return (tree: HastRoot, file: VFile) => {
    const found: ForeignImage[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img' && node.tagName !== 'source') return;
      for (const key of ['src', 'srcSet'] as const) {
        const value = node.properties[key];
        if (typeof value !== 'string') continue;
        const urls = key === 'srcSet' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value];
        const foreign = urls.filter((url) => !isSiteUrl(url));
        if (foreign.length === 0) continue;
        for (const url of foreign) found.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
        delete node.properties[key];
      }
    });
    file.data['foreignImages'] = found;
  };
}

const parser = unified().use(remarkParse).use(remarkGfm);
const commonmark = unified().use(remarkParse);
// Every GFM construct (table, strikethrough, footnote, task list, bare link or e-mail address) needs
// one of these: text without them parses the same without GFM, in two thirds of the time.
const MAY_USE_GFM = /[|~@[]|:\/\/|www\./i;

// Raw HTML is parsed, then everything passes GitHub's sanitizing rules: no script, no event
// handler attribute and no javascript: URL reaches a page, a feed or the API.
const withRaw = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(withoutForeignImages).use(rehypeSanitize).use(rehypeStringify);
// Most updates hold no HTML at all: they skip re-parsing the tree as HTML, the costliest step.
const withoutRaw = unified().use(remarkRehype).use(withoutForeignImages).use(rehypeSanitize).use(rehypeStringify);

/** Headings, paragraphs and tight lists of text with nothing to escape, as the renderer writes them; undefined for anything else. */
export function plainHtml(nodes: readonly RootContent[]): string | undefined {
  const html: string[] = [];
  for (const node of nodes) {
    if (node.type === 'list' && !node.ordered && !node.spread) {
      const items: string[] = [];
      for (const item of node.children) {
        // A task (`- [x] …`, from the parser) has its checkbox rendered.
        if (item.checked != null || item.spread) return undefined;
        const text = onlyText(item.children.length === 1 && item.children[0]!.type === 'paragraph' ? item.children[0]!.children : []);
        if (text === undefined) return undefined;
        items.push(`<li>${text}</li>`);
      }
      html.push(`<ul>\n${items.join('\n')}\n</ul>`);
      continue;
    }
    const text = node.type === 'paragraph' || node.type === 'heading' ? onlyText(node.children) : undefined;
    if (text === undefined) return undefined;
    html.push(node.type === 'heading' ? `<h${node.depth}>${text}</h${node.depth}>` : `<p>${text}</p>`);
  }
  return html.join('\n');
}

/** The value of a single text node with nothing to escape. */
function onlyText(children: readonly RootContent[]): string | undefined {
  const text = children.length === 1 ? children[0]! : undefined;
  return text?.type === 'text' && !/[<&]/.test(text.value) ? text.value : undefined;
}

function hasRawHtml(nodes: readonly RootContent[]): boolean {
  return nodes.some((node) => node.type === 'html' || ('children' in node && hasRawHtml(node.children)));
}

export function parseMarkdown(source: string): Root {
  return plainTree(source) ?? parseWithRemark(source);
}

/** The parser itself (GFM only where a GFM construct may be). */
export function parseWithRemark(source: string): Root {
  return (MAY_USE_GFM.test(source) ? parser : commonmark).parse(source);
}

// Most updates are plain sentences under `## Status — time` headings, and most post-mortems plain
// sections with a list of actions. Text with no character that can start inline syntax, and lines
// that start no block but headings and `- ` items, is a tree of headings, paragraphs and tight lists
// of text: made here directly, node for node and position for position as the parser makes it (a
// test holds the two equal), at a fraction of the cost. Anything else goes to the parser.
// Every GFM construct's character, and (as a byte-order mark at the start of the text is dropped by
// the parser) U+FEFF too.
const INLINE_SYNTAX = new RegExp(String.raw`[\\\`*_\]<>&\u0000-\u0009\u000b-\u001f\u007f\ufeff]|` + MAY_USE_GFM.source, 'i');
const ATX_HEADING = /^(#{1,6}) +(?=[^ ])([^#]*[^ #])$/;
/** Text of a line: not indented, no trailing space (a line break), and no start of a block (quote, list, heading, underline, fence). */
const LINE_TEXT = String.raw`(?![ #>+=-]|\d{1,9}[.)](?: |$)).*[^ ]$`;
/** A paragraph's line. */
const TEXT_LINE = new RegExp(`^${LINE_TEXT}`);
/** An item of a bullet list whose text is such a line. */
const LIST_ITEM = new RegExp(`^- ${LINE_TEXT}`);

export function plainTree(source: string): Root | undefined {
  if (INLINE_SYNTAX.test(source)) return undefined;
  const children: RootContent[] = [];
  const lines = source.split('\n');
  let offset = 0;
  let paragraph: { start: Point; lines: string[]; end: Point } | undefined;
  let list: List | undefined;
  const closeParagraph = () => {
    if (!paragraph) return;
    const position = { start: paragraph.start, end: paragraph.end };
    children.push({ type: 'paragraph', children: [{ type: 'text', value: paragraph.lines.join('\n'), position: { start: { ...position.start }, end: { ...position.end } } }], position });
    paragraph = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineOffset = offset;
    offset += line.length + 1;
    const start: Point = { line: i + 1, column: 1, offset: lineOffset };
    const end: Point = { line: i + 1, column: line.length + 1, offset: lineOffset + line.length };
    if (LIST_ITEM.test(line)) {
      // A list after a blank line would make the list loose: the parser's.
      if (list && lines[i - 1] === '') return undefined;
      closeParagraph();
      if (!list) children.push((list = { type: 'list', ordered: false, start: null, spread: false, children: [], position: { start: { ...start }, end: { ...end } } }));
      const textStart: Point = { line: i + 1, column: 3, offset: lineOffset + 2 };
      const text = { type: 'text' as const, value: line.slice(2), position: { start: { ...textStart }, end: { ...end } } };
      list.children.push({ type: 'listItem', spread: false, checked: null, children: [{ type: 'paragraph', children: [text], position: { start: textStart, end: { ...end } } }], position: { start, end: { ...end } } });
      list.position!.end = { ...end };
      continue;
    }
    // A line right after an item continues it: the parser's.
    if (list && line !== '' && lines[i - 1] !== '') return undefined;
    if (line === '') {
      closeParagraph();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      closeParagraph();
      list = undefined;
      const textStart = line.length - heading[2]!.length;
      const text = { type: 'text' as const, value: heading[2]!, position: { start: { line: i + 1, column: textStart + 1, offset: lineOffset + textStart }, end: { ...end } } };
      children.push({ type: 'heading', depth: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, children: [text], position: { start, end } });
    } else if (TEXT_LINE.test(line)) {
      list = undefined;
      if (paragraph) {
        paragraph.lines.push(line);
        paragraph.end = end;
      } else paragraph = { start, lines: [line], end };
    } else return undefined;
  }
  closeParagraph();
  const last = lines[lines.length - 1]!;
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: last.length + 1, offset: source.length } } };
}

/**
 * Already-parsed Markdown to sanitized HTML, so that no text is parsed twice; `onForeign` hears of
 * each image that was left out because it is not a file of the site.
 */
export function renderTree(tree: Root | RootContent[], onForeign?: (image: ForeignImage) => void): string {
  const root: Root = Array.isArray(tree) ? { type: 'root', children: tree } : tree;
  return plainHtml(root.children) ?? renderWithRehype(root, onForeign);
}

/** The renderer itself: raw HTML parsed where there is any, then sanitized. */
export function renderWithRehype(root: Root, onForeign?: (image: ForeignImage) => void): string {
  const file = new VFile();
  const renderer = hasRawHtml(root.children) ? withRaw : withoutRaw;
  const html = renderer.stringify(renderer.runSync(root, file));
  for (const image of (file.data['foreignImages'] as ForeignImage[] | undefined) ?? []) onForeign?.(image);
  return html;
}
