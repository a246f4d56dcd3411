import { type Document, parseDocument } from 'yaml';

const FRONTMATTER = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/**
 * The lines of the top-level field `key`: its key line and every indented or blank line after it,
 * with comments at the start of a line among them (the field goes on after them).
 */
function fieldBlock(lines: readonly string[], key: string): { start: number; end: number } | undefined {
  const keyLine = new RegExp(`^(?:${escape(key)}|"${escape(key)}"|'${escape(key)}')[ \\t]*:`);
  const start = lines.findIndex((l) => keyLine.test(l));
  if (start < 0) return undefined;
  const within = (l: string | undefined) => l !== undefined && (l === '' || /^[ \t]/.test(l));
  let end = start + 1;
  for (;;) {
    if (within(lines[end])) end++;
    else if (lines[end]?.startsWith('#')) {
      let next = end;
      while (lines[next]?.startsWith('#') || lines[next] === '') next++;
      if (!within(lines[next]) || lines[next] === undefined) break;
      end = next;
    } else break;
  }
  // Blank lines that end the block separate it from what follows: they stay.
  while (end > start + 1 && lines[end - 1] === '') end--;
  return { start, end };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Edits an incident file's frontmatter as YAML (a value on the next line, flow style and comments
 * all mean what YAML says), and rewrites only the top-level fields whose value changed: every other
 * line, comment and the body stay as they were, and so do the file's line endings.
 */
export function editFrontmatter(text: string, edit: (doc: Document) => void): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = text.includes('\r\n');
  const lf = text.slice(bom.length).replace(/\r\n/g, '\n');
  const m = FRONTMATTER.exec(lf);
  if (!m) throw new Error('The file has no closed frontmatter.');
  const source = m[1] ?? '';
  const before = parseDocument(source);
  const after = parseDocument(source);
  if (after.errors.length) throw new Error(`The frontmatter is not valid YAML: ${after.errors[0]!.message}`);
  edit(after);
  const was = (before.toJS() ?? {}) as Record<string, unknown>;
  const now = (after.toJS() ?? {}) as Record<string, unknown>;
  let lines = source === '' ? [] : source.replace(/\n$/, '').split('\n');
  // Rewritten fields keep the file's own indentation: the field's, else the file's first.
  const indentOf = (from: readonly string[]) => from.map((l) => /^( +)\S/.exec(l)?.[1]?.length).find((n) => n !== undefined);
  const fileIndent = indentOf(lines) ?? 2;
  const writtenWith = (indent: number) => after.toString({ indent }).replace(/\n$/, '').split('\n');
  if (lines.some((l) => /^[{[]/.test(l))) {
    lines = writtenWith(fileIndent);
  } else {
    // New fields go before YAML's own end marker, when the frontmatter has one.
    const end = lines[lines.length - 1] === '...' ? lines.pop() : undefined;
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (JSON.stringify(was[key]) === JSON.stringify(now[key])) continue;
      const old = fieldBlock(lines, key);
      const written = writtenWith((old && indentOf(lines.slice(old.start + 1, old.end))) ?? fileIndent);
      const fresh = Object.hasOwn(now, key) ? fieldBlock(written, key) : undefined;
      const replacement = fresh ? written.slice(fresh.start, fresh.end) : [];
      if (old) lines.splice(old.start, old.end - old.start, ...replacement);
      else lines.push(...replacement);
    }
    if (end) lines.push(end);
  }
  const out = `---\n${lines.length ? `${lines.join('\n')}\n` : ''}---\n${lf.slice(m[0].length)}`;
  return bom + (crlf ? out.replace(/\n/g, '\r\n') : out);
}
