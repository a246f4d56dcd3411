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
  return plainYaml(source, firstLine) ?? parseWithYaml(source, firstLine);
}

// Frontmatter is mostly `field: text` lines, one map of `id: status` lines and lists of ids
// (`components: [api, web]`). Such YAML (no quotes, comments, block lists, anchors, tags or other
// flow style; every value plain text that the core schema keeps as text) is read here directly,
// value for value and position for position what the `yaml` library reads (a test holds the two
// equal), in a fraction of the time. Anything else goes to it.
/** The words the core schema reads as null or a boolean, not as text. */
const NOT_TEXT = 'null|Null|NULL|true|True|TRUE|false|False|FALSE';
/** A field name the core schema reads as text, short enough to be a key. */
const KEY = `(?!(?:${NOT_TEXT}):)[A-Za-z_][\\w-]{0,999}`;
const PLAIN_FIELD = new RegExp(`^(${KEY}):(?: +(.*))?$`);
const NESTED_FIELD = new RegExp(`^( +)(${KEY}): +(.*)$`);
/** Plain text the core schema reads as text: it starts with a letter (not null or a boolean), or is a time as incident files write it. */
const TEXT_VALUE = new RegExp(String.raw`^(?:(?!(?:${NOT_TEXT})$)\p{L}[^#]*|\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?(?:UTC|Z|[+-]\d{2}:?\d{2}))?)$`, 'u');

/** A one-line list of words (ids), written `[a, b]`. */
const WORD_LIST = new RegExp(String.raw`^\[((?:(?!(?:${NOT_TEXT})[,\]])[A-Za-z][\w.-]*(?:, (?=[A-Za-z])|(?=\]$)))+)\]$`);

function plainValue(value: string): boolean {
  return TEXT_VALUE.test(value) && !value.endsWith(' ') && !value.endsWith(':') && !value.includes(': ') && !CONTROL_CHARACTER.test(value);
}

export function plainYaml(source: string, firstLine = 1): LocatedYaml | undefined {
  if (/[\t\r\u2028\u2029\ufeff]/.test(source)) return undefined;
  const data: Record<string, string | string[] | Record<string, string>> = {};
  const at = new Map<string, { key: Position; value: Position }>();
  /** Where each item of a list field is. */
  const items = new Map<string, Position[]>();
  const lines = source.split('\n');
  let open: { name: string; map: Record<string, string>; indent?: number } | undefined;
  const close = () => {
    if (open && Object.keys(open.map).length === 0) return false;
    open = undefined;
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const number = i + firstLine;
    if (line === '') continue;
    const nested = NESTED_FIELD.exec(line);
    if (nested) {
      const [, indent, key, value] = nested as unknown as [string, string, string, string];
      if (!open || (open.indent ?? indent.length) !== indent.length || key in open.map || !plainValue(value)) return undefined;
      open.indent = indent.length;
      open.map[key] = value;
      at.set(`${open.name}\u0000${key}`, { key: { line: number, column: indent.length + 1 }, value: { line: number, column: line.length - value.length + 1 } });
      if (Object.keys(open.map).length === 1) at.set(open.name, { key: at.get(open.name)!.key, value: { line: number, column: indent.length + 1 } });
      continue;
    }
    const field = PLAIN_FIELD.exec(line);
    if (!field || !close()) return undefined;
    const [, key, value] = field as unknown as [string, string, string | undefined];
    if (key in data) return undefined;
    const keyAt = { line: number, column: 1 };
    if (value === undefined) {
      data[key] = {};
      open = { name: key, map: data[key] as Record<string, string> };
      at.set(key, { key: keyAt, value: keyAt });
    } else {
      const column = line.length - value.length + 1;
      const list = WORD_LIST.exec(value);
      if (list) {
        const words = list[1]!.split(', ');
        data[key] = words;
        let from = column + 1;
        items.set(key, words.map((word) => ({ line: number, column: (from += word.length + 2) - word.length - 2 })));
      } else if (plainValue(value)) data[key] = value;
      else return undefined;
      at.set(key, { key: keyAt, value: { line: number, column } });
    }
  }
  if (!close() || at.size === 0) return undefined;
  const first = at.values().next().value!.key;
  return {
    data,
    errors: [],
    locate(path, options = {}) {
      let found: Position = first;
      let name = '';
      for (let k = 0; k < path.length; k++) {
        // An item of a list, by its number (as the library reads any segment: Number('') is 0).
        const list = k === 1 ? items.get(name) : undefined;
        if (list) {
          found = list[Number(path[1])] ?? found;
          break;
        }
        name = k === 0 ? String(path[0]) : `${name}\u0000${String(path[k])}`;
        const place = k < 2 ? at.get(name) : undefined;
        if (!place) break;
        found = options.key && k === path.length - 1 ? place.key : place.value;
      }
      return found;
    },
    trailingComment: () => undefined,
  };
}

/** The `yaml` library's reading, for any YAML. */
export function parseWithYaml(source: string, firstLine = 1): LocatedYaml {
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
      for (const [k, segment] of path.entries()) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
          if (!pair) break;
          found = (options.key && k === path.length - 1 ? pair.key : (pair.value ?? pair.key)) as Node;
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
