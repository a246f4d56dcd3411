import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Problems } from './problems.ts';

/**
 * Template text: a `{{placeholder}}` the CLI fills in, or `{{guidance for the writer}}` that a human
 * replaces. Whatever is left between double braces was never finished, so it must not reach customers.
 */
export const TEMPLATE_TEXT = /\{\{[^{}]*\}\}/g;

export const TEMPLATE_TEXT_HINT =
  'Replace the text in double braces with what customers should read (the templates mark what to write that way). If you mean the braces literally, put them in `code`.';

/** First template text in a one-line value such as a title, or undefined. */
export function templateTextIn(value: string): string | undefined {
  return value.match(TEMPLATE_TEXT)?.[0];
}

/**
 * Reports every template text left in Markdown prose, raw HTML and link targets, at its line: code
 * spans and blocks are left alone, since they may show template syntax on purpose.
 * `firstLine` is the file line of the tree's line 1.
 */
export function reportTemplateText(tree: Root | RootContent[], firstLine: number, file: string, problems: Problems): void {
  const root: Root = Array.isArray(tree) ? { type: 'root', children: tree } : tree;
  visit(root, (node) => {
    const start = node.position?.start;
    if (!start) return;
    const values: string[] = [];
    if (node.type === 'text' || node.type === 'html') values.push(node.value);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') values.push(safeDecode(node.url));
    if (node.type === 'image' && node.alt) values.push(node.alt);
    for (const value of values) {
      for (const m of value.matchAll(TEMPLATE_TEXT)) {
        const before = value.slice(0, m.index);
        const newlines = before.split('\n').length - 1;
        const column = newlines === 0 ? start.column + m.index : m.index - before.lastIndexOf('\n');
        problems.error(file, { line: start.line + newlines + firstLine - 1, column }, `Template text left in: "${shorten(m[0])}".`, TEMPLATE_TEXT_HINT);
      }
    }
  });
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 80 ? `${one.slice(0, 77)}…}}` : one;
}
