import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { CONTROL_CHARACTER, codePoint } from './limits.ts';
import type { Position } from './problems.ts';

/** A YAML document with a way back from a key path to its line and column in the file. */
export interface LocatedYaml {
  data: unknown;
  errors: { message: string; at: Position }[];
  /** Where the value at `path` starts (or its key, with `key: true`), as a file position. */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): Position;
  /** The comment that ends the line of a plain (unquoted) value at `path`, if any: `title: Payments failing #EU-42`. */
  trailingComment(path: readonly PropertyKey[]): string | undefined;
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
  // The first error is the cause; the ones after it are mostly its echoes. A tag Candor does not
  // know (`!js/function`) would be read as plain text, so it is an error too.
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  const errors = problems.slice(0, 1).map((e) => ({
    message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/^Unresolved tag:/, 'Unknown tag'),
    at: toPosition(e.pos[0]),
  }));
  // A field name is text: a list or map as a key (`? [a, b]`), or an empty one (`~:`), is reported at
  // the key itself. An escape in quotes ("\x07") can make what the file itself does not hold: a
  // control character.
  if (!errors.length) {
    visit(doc, {
      Pair: (_, pair) => {
        const key = pair.key;
        if (isScalar(key) && key.value !== null && key.value !== '') return undefined;
        const at = (key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
        errors.push({ message: `a field name must be a word, not ${isScalar(key) || key === null ? 'empty' : 'a list or a map'}`, at: toPosition(at) });
        return visit.BREAK;
      },
      Scalar: (_, node) => {
        const m = typeof node.value === 'string' ? CONTROL_CHARACTER.exec(node.value) : null;
        if (!m) return undefined;
        errors.push({ message: `a control character (${codePoint(m[0])}) in a text, which cannot be shown`, at: toPosition(node.range?.[0] ?? 0) });
        return visit.BREAK;
      },
    });
  }
  let data: unknown;
  if (!errors.length) {
    try {
      // An alias bomb (aliases of aliases) would take the memory of the machine: at most 100.
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      let alias: Node | undefined;
      visit(doc, { Alias: (_, node) => ((alias = node), visit.BREAK) });
      errors.push({ message: (e as Error).message.replace(/: excessive alias count.*$/i, ': too many aliases'), at: toPosition(alias?.range?.[0] ?? 0) });
    }
  }
  return {
    data,
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
    trailingComment(path) {
      const node = doc.getIn(path, true);
      return isScalar(node) && node.type === 'PLAIN' && node.comment ? node.comment : undefined;
    },
  };
}
