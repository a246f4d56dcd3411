import type { Root, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

const renderer = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  // Raw HTML is parsed, then everything passes GitHub's sanitizing rules: no script, no event
  // handler attribute and no javascript: URL reaches a page, a feed or the API.
  .use(rehypeRaw)
  .use(rehypeSanitize)
  .use(rehypeStringify);

export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}

/** Already-parsed Markdown to sanitized HTML, so that no text is parsed twice. */
export function renderTree(tree: Root | RootContent[]): string {
  const root: Root = Array.isArray(tree) ? { type: 'root', children: tree } : tree;
  return renderer.stringify(renderer.runSync(root));
}
