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

/** An image or other resource in an update that the page would fetch from another site. */
export interface ForeignResource {
  url: string;
  /** Line in the Markdown the tree was parsed from. */
  line: number;
}

const FOREIGN_URL = /^\s*(?:[a-z][a-z0-9+.-]*:)?[\\/]{2}/i;

/**
 * The site makes no third-party request: a resource from another origin that survived sanitizing
 * is taken out of the page and listed, so that the check can name it.
 */
function withoutForeignResources() {
  return (tree: HastRoot, file: VFile) => {
    const found: ForeignResource[] = [];
    visit(tree, 'element', (node) => {
      for (const key of ['src', 'srcSet', 'poster'] as const) {
        const value = node.properties[key];
        const urls = typeof value === 'string' ? (key === 'srcSet' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [value]) : [];
        const foreign = urls.find((url) => FOREIGN_URL.test(url));
        if (foreign === undefined) continue;
        found.push({ url: foreign, line: node.position?.start.line ?? 1 });
        delete node.properties[key];
      }
    });
    file.data['foreign'] = found;
  };
}

const parser = unified().use(remarkParse).use(remarkGfm);

const renderer = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  // Raw HTML is parsed, then everything passes GitHub's sanitizing rules: no script, no event
  // handler attribute and no javascript: URL reaches a page, a feed or the API.
  .use(rehypeRaw)
  .use(rehypeSanitize)
  .use(withoutForeignResources)
  .use(rehypeStringify);

export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}

/**
 * Already-parsed Markdown to sanitized HTML, so that no text is parsed twice; `onForeign` hears of
 * each resource from another site that was left out.
 */
export function renderTree(tree: Root | RootContent[], onForeign?: (resource: ForeignResource) => void): string {
  const root: Root = Array.isArray(tree) ? { type: 'root', children: tree } : tree;
  const file = new VFile();
  const html = renderer.stringify(renderer.runSync(root, file));
  for (const r of (file.data['foreign'] as ForeignResource[] | undefined) ?? []) onForeign?.(r);
  return html;
}
