import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Position } from './problems.ts';

/** A YAML document with a way back from a key path to its line and column in the file. */
export interface LocatedYaml {
  data: unknown;
  errors: { message: string; at: Position }[];
  /** Where the value at `path` starts (or its key, with `key: true`), as a file position. */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): Position;
}

/**
 * Parses YAML that starts at `firstLine` of the file (1 for a whole file, the line after `---` for
 * frontmatter), with YAML 1.2's core schema: timestamps stay strings and are parsed by Candor's own
 * time rules.
 */
export function parseYaml(source: string, firstLine = 1): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  // The first error is the cause; the ones after it are mostly its echoes.
  const errors = doc.errors.slice(0, 1).map((e) => ({
    message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    at: toPosition(e.pos[0]),
  }));
  return {
    data: errors.length ? undefined : doc.toJS(),
    errors,
    locate(path, options = {}) {
      let node: unknown = doc.contents;
      let found: Node | undefined = doc.contents ?? undefined;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
          if (!pair) break;
          found = (options.key && segment === path[path.length - 1] ? pair.key : (pair.value ?? pair.key)) as Node;
          node = pair.value;
        } else if (isSeq(node)) {
          const item = node.items[Number(segment)];
          if (!item) break;
          found = item as Node;
          node = item;
        } else break;
      }
      return found?.range ? toPosition(found.range[0]) : { line: firstLine };
    },
  };
}
