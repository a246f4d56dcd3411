import type { Nodes } from 'mdast';

/** What Candor reads at most, so that every input gets an answer in time linear in its size. */
export const LIMITS = {
  /** Bytes of one file under incidents/ (and of the configuration). */
  fileBytes: 300_000,
  /**
   * Characters of one paragraph (lines without a blank line between them, outside code blocks):
   * Markdown's emphasis rules cost the square of a paragraph's length on hostile input, so a bound
   * here keeps reading any file linear in its size.
   */
  paragraphChars: 3_000,
  /** Characters of one update: a status update is short; a long analysis belongs in a linked document. */
  updateChars: 20_000,
  /** Characters of a post-mortem. */
  postmortemChars: 100_000,
  /**
   * Bytes of a post-mortem's HTML compressed, as its page is served: with the page around it, under
   * the 50 KB budget of any page. English of 100,000 characters is some 30 to 40 KB; Chinese, which
   * compresses less, reaches it at some 45,000 characters.
   */
  postmortemCompressedBytes: 42_000,
  /** Characters of a title. */
  titleChars: 200,
  /** Levels of quotes, lists and other blocks inside one another. */
  depth: 32,
} as const;

/** The first paragraph of `markdown` longer than the limit: its line (1-based) and length. */
export function overlongParagraph(markdown: string): { line: number; length: number } | undefined {
  let start = 0, length = 0, fence: string | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    const marker = line === undefined ? undefined : /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker !== undefined) fence = marker;
    // A blank line, a fence and a heading each end a paragraph.
    if (line === undefined || line.trim() === '' || marker !== undefined || /^ {0,3}#{1,6}(\s|$)/.test(line)) {
      if (length > LIMITS.paragraphChars) return { line: start + 1, length };
      length = 0;
      start = i + 1;
    } else length += line.length + 1;
  }
  return undefined;
}

/** The deepest node below `nodes` and its depth, found without recursion (deep input cannot overflow the stack). */
export function deepest(nodes: readonly Nodes[]): { depth: number; node: Nodes | undefined } {
  let best: { depth: number; node: Nodes | undefined } = { depth: 0, node: undefined };
  const stack: [Nodes, number][] = nodes.map((n) => [n, 1]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > best.depth) best = { depth, node };
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push([child, depth + 1]);
  }
  return best;
}

/**
 * Characters that no text of a status page may hold: C0 controls but tab, line feed and carriage
 * return, DEL, C1 controls (a terminal reads U+009B as an escape), the bidi overrides that reverse
 * what follows (U+202D, U+202E), U+FFFE and U+FFFF, and lone surrogates. XML forbids most of them, so
 * one would make every feed unreadable.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202D\u202E\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
