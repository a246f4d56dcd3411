import type { Nodes } from 'mdast';

/** What Candor reads at most, so that every input gets an answer in time linear in its size. */
export const LIMITS = {
  /** Bytes of one file under incidents/ (and of the configuration). */
  fileBytes: 1_000_000,
  /** Characters of one update: a status update is short; a long analysis belongs in a linked document. */
  updateChars: 20_000,
  /** Characters of a post-mortem. */
  postmortemChars: 100_000,
  /** Characters of a title. */
  titleChars: 200,
  /** Levels of quotes, lists and other blocks inside one another. */
  depth: 32,
} as const;

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
 * return, DEL, U+FFFE and U+FFFF, and lone surrogates. XML forbids most of them, so one would make
 * every feed unreadable.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
