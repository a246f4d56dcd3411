import type { Nodes, Root, RootContent } from 'mdast';
import { didYouMean, type Problems } from './problems.ts';

/**
 * Template text: a `{{placeholder}}` the CLI fills in, or `{{guidance for the writer}}` that a human
 * replaces. Whatever is left between double braces was never finished, so it must not reach customers.
 */
export const TEMPLATE_TEXT_HINT =
  'Replace the text in double braces with what customers should read (the templates mark what to write that way). If you mean the braces literally, put them in `code`.';

/** The placeholders the CLI fills in; any other text in double braces is guidance for a human. */
export const PLACEHOLDERS = ['title', 'components', 'next_update', 'started', 'duration', 'window', 'timeline', 'site'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Optional passages of a template, `{{#name}}…{{/name}}`, kept when the responder chooses them. */
export const SECTIONS = ['postmortem'] as const;

/** Every `{{…}}` in a string, from each `{{` to the next `}}` (braces inside included), in one pass. */
export function findTemplateText(value: string): { index: number; text: string }[] {
  const found: { index: number; text: string }[] = [];
  for (let from = 0; ; ) {
    const start = value.indexOf('{{', from);
    if (start < 0) break;
    const end = value.indexOf('}}', start + 2);
    if (end < 0) break;
    found.push({ index: start, text: value.slice(start, end + 2) });
    from = end + 2;
  }
  return found;
}

/** The first template text in a value such as a title, or undefined. */
export function templateTextIn(value: string): string | undefined {
  return findTemplateText(value)[0]?.text;
}

/**
 * Template mistakes the CLI would trip over mid-outage: a placeholder Candor does not know
 * (`{{component}}` is a typo, not guidance: guidance is a sentence for the writer), and an optional
 * passage opened and never closed. Each with its line and column in `text`.
 */
export function templateMistakes(text: string): { line: number; column: number; message: string }[] {
  const at = (index: number) => {
    const before = text.slice(0, index).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const open = new Map<string, number[]>();
  const found = findTemplateText(text).flatMap(({ index, text: tag }) => {
    const m = /^\{\{\s*([#/]?)\s*([a-z_][a-z0-9_]*)\s*\}\}$/.exec(tag);
    if (!m) return [];
    const [, mark = '', name = ''] = m;
    const known: readonly string[] = mark ? SECTIONS : PLACEHOLDERS;
    if (!known.includes(name)) return [{ ...at(index), message: `${tag} is not a placeholder Candor fills in.${didYouMean(name, known).replace(/"([^"]+)"/, `"{{${mark}$1}}"`)}` }];
    if (mark === '#') open.set(name, [...(open.get(name) ?? []), index]);
    if (mark === '/') open.get(name)?.pop();
    return [];
  });
  for (const [name, starts] of open) for (const index of starts) found.push({ ...at(index), message: `{{#${name}}} is never closed: end the passage with "{{/${name}}}".` });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Warns of the mistakes in a message template that the CLI would refuse to fill in. */
export function checkTemplate(file: string, text: string, problems: Problems): void {
  for (const u of templateMistakes(text)) {
    problems.warn(file, u, u.message, `Placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}. Guidance for the writer is a sentence in double braces.`);
  }
}

/** A piece of what a reader sees, and where it starts in the Markdown. */
interface Piece {
  value: string;
  line: number;
  column: number;
}

const piece = (value: string, node: Nodes): Piece[] => (node.position ? [{ value, line: node.position.start.line, column: node.position.start.column }] : []);

/** Blocks whose text reads as one run, however emphasis, links and line breaks cut it up. */
const RUNS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Reports every template text left in what readers see: the text of each paragraph, heading and
 * table cell read as one run (so `**{{Describe**…}}` is caught), raw HTML, link targets and titles,
 * image descriptions. Code is shown as written, so braces wholly inside code are left alone.
 * `firstLine` is the file line of the tree's line 1.
 */
export function reportTemplateText(tree: Root | RootContent[], firstLine: number, file: string, problems: Problems): void {
  const scan = (pieces: Piece[]) => {
    const run = pieces.map((p) => p.value).join('');
    // Matches come in order: one walk through the pieces finds where each starts.
    let k = 0, offset = 0;
    for (const found of findTemplateText(run)) {
      while (offset + pieces[k]!.value.length <= found.index) offset += pieces[k++]!.value.length;
      const at = pieces[k]!;
      const inPiece = found.index - offset;
      const before = at.value.slice(0, inPiece);
      const newlines = before.split('\n').length - 1;
      const column = newlines === 0 ? at.column + inPiece : inPiece - before.lastIndexOf('\n');
      const shown = found.text.replace(/\s+/g, ' ');
      problems.error(file, { line: at.line + newlines + firstLine - 1, column }, `Template text left in: "${shown.length > 80 ? `${shown.slice(0, 77)}…}}` : shown}".`, TEMPLATE_TEXT_HINT);
    }
  };
  // Targets, titles and descriptions are read apart from the text around them.
  const apart = (node: Nodes) => {
    if ('url' in node) scan(piece(decode(node.url), node));
    if ('title' in node && node.title) scan(piece(node.title, node));
    if ('alt' in node && node.alt) scan(piece(node.alt, node));
  };
  const gather = (node: Nodes, pieces: Piece[]) => {
    for (const child of 'children' in node ? (node.children as Nodes[]) : []) {
      apart(child);
      if (child.type === 'text' || child.type === 'html') pieces.push(...piece(child.value, child));
      else if (child.type === 'inlineCode') pieces.push(...piece('`…`', child));
      else if (child.type === 'break') pieces.push(...piece('\n', child));
      else gather(child, pieces);
    }
  };
  const walk = (node: Nodes) => {
    apart(node);
    if (RUNS.has(node.type)) {
      const pieces: Piece[] = [];
      gather(node, pieces);
      scan(pieces);
    } else if (node.type === 'html') scan(piece(node.value, node));
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const node of Array.isArray(tree) ? tree : tree.children) walk(node);
}

function decode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
