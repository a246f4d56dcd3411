import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
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

function hasRawHtml(nodes: readonly RootContent[]): boolean {
  return nodes.some((node) => node.type === 'html' || ('children' in node && hasRawHtml(node.children)));
}

export function parseMarkdown(source: string): Root {
  return (MAY_USE_GFM.test(source) ? parser : commonmark).parse(source);
}

/**
 * Already-parsed Markdown to sanitized HTML, so that no text is parsed twice; `onForeign` hears of
 * each image that was left out because it is not a file of the site.
 */
export function renderTree(tree: Root | RootContent[], onForeign?: (image: ForeignImage) => void): string {
  const root: Root = Array.isArray(tree) ? { type: 'root', children: tree } : tree;
  const file = new VFile();
  const renderer = hasRawHtml(root.children) ? withRaw : withoutRaw;
  const html = renderer.stringify(renderer.runSync(root, file));
  for (const image of (file.data['foreignImages'] as ForeignImage[] | undefined) ?? []) onForeign?.(image);
  return html;
}
