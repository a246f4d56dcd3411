import { describe, expect, it } from 'vitest';
import { parseWithYaml, plainYaml } from '../../src/core/yaml.ts';
import { random } from '../../scripts/lib/generate.ts';
import { markdownFiles } from '../helpers/corpus.ts';

// Plain frontmatter is read without the YAML library: whatever it takes, it must read exactly what
// the library reads, and place every field and value where the library does, since the check's
// lines come from there.

/** Every path into the data, and paths that lead nowhere from each. */
function paths(data: unknown, prefix: string[] = []): string[][] {
  if (data === null || typeof data !== 'object') return [prefix, [...prefix, 'missing']];
  return [prefix, [...prefix, 'missing'], ...Object.entries(data).flatMap(([key, value]) => [[...prefix, key, key], ...paths(value, [...prefix, key])])];
}

function agreesWithLibrary(source: string, firstLine = 2): boolean {
  const plain = plainYaml(source, firstLine);
  if (!plain) return false;
  const library = parseWithYaml(source, firstLine);
  const at = JSON.stringify(source);
  expect(library.errors, at).toEqual([]);
  expect(plain.data, at).toEqual(library.data);
  for (const path of paths(library.data)) {
    expect(plain.locate(path), `${at} ${path.join('.')}`).toEqual(library.locate(path));
    expect(plain.locate(path, { key: true }), `${at} ${path.join('.')} (key)`).toEqual(library.locate(path, { key: true }));
    expect(plain.trailingComment(path), `${at} ${path.join('.')}`).toBe(library.trailingComment(path));
  }
  return true;
}


describe('plain frontmatter without the YAML library', () => {
  it('reads what the library reads in a generated history, the example site and the fixtures', () => {
    const sources = markdownFiles(11).map((file) => file.frontmatter).filter(Boolean);
    const plain = sources.filter((source) => agreesWithLibrary(source)).length;
    expect(plain).toBeGreaterThan(sources.length / 2);
  });

  it('reads what the library reads in thousands of frontmatters built from the characters that matter in YAML', () => {
    const rnd = random(20261130);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const keys = ['title', 'components', 'api', 'next_update', 'start', 'end', 'a', 'x-y', '_k', 'Title'];
    const oddKeys = ['1st', '', 'a b', '-x', 'null', 'Null', 'True', 'TRUE', 'false', 'FALSE', 'k'.repeat(1030)];
    const key = () => (rnd() < 0.08 ? pick(oddKeys) : pick(keys));
    const words = ['Payments', 'failing', 'Über', 'é', '😀', 'yes', 'No', 'null', 'Null', 'true', 'FALSE', 'on', '.inf', '~', '12', '0x1F', '1e3', '2026-11-24', '2026-11-24 13:05 UTC', '2026-11-24T13:05Z', '2026-11-24 13:05 +01:00', '13:05', 'a:b', 'EU-42'];
    const glue = [' ', ' ', ', ', ' - ', ': ', ' #', '#', ':', '"', "'", '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '?', '\t', '\u2028', '\u0007', '  '];
    const value = () => {
      let v = pick(words);
      const n = Math.floor(rnd() * 4);
      for (let k = 0; k < n; k++) v += (rnd() < 0.9 ? ' ' : pick(glue)) + pick(words);
      return rnd() < 0.05 ? pick(glue) + v : rnd() < 0.03 ? v + pick(glue) : v;
    };
    // Lists of ids as maintenance writes them, and lists that are not only words.
    const items = ['api', 'eu-west', 'a.b', 'x_1', 'A', 'null', 'True', 'false', '1a', '', 'a b', 'a:b', 'a: b', '#x', '"q"', '[a]', '~'];
    const separators = [', ', ', ', ', ', ',', ' , ', ',  ', ' '];
    const list = () => {
      const n = Math.floor(rnd() * 4);
      const body = Array.from({ length: n }, () => (rnd() < 0.85 ? pick(items.slice(0, 5)) : pick(items))).join(pick(separators));
      return rnd() < 0.9 ? `[${body}]` : pick([`[ ${body} ]`, `[${body}] x`, `[${body}`, `[${body}],`]);
    };
    let plain = 0;
    let lists = 0;
    for (let k = 0; k < 12000; k++) {
      const lines: string[] = [];
      const fields = 1 + Math.floor(rnd() * 4);
      for (let f = 0; f < fields; f++) {
        const name = key();
        if (rnd() < 0.3) {
          lines.push(`${name}:${rnd() < 0.1 ? ' ' : ''}`);
          const indent = rnd() < 0.8 ? '  ' : pick([' ', '    ', '   ']);
          const nested = Math.floor(rnd() * 4);
          for (let n = 0; n < nested; n++) lines.push(`${rnd() < 0.9 ? indent : pick([' ', '   ', ''])}${key()}:${rnd() < 0.95 ? ' ' : '  '}${value()}`);
        } else lines.push(`${name}:${rnd() < 0.9 ? ' ' : rnd() < 0.5 ? '   ' : ''}${rnd() < 0.3 ? list() : value()}`);
        if (rnd() < 0.03) lines.push(pick(['', '  ', '# note', '  more text']));
      }
      const source = `${lines.join('\n')}\n`;
      if (agreesWithLibrary(source, 1 + Math.floor(rnd() * 3))) {
        plain++;
        if (source.includes('[')) lists++;
      }
    }
    // The test means something only if many of them took the quick way, lists too.
    expect(plain).toBeGreaterThan(1000);
    expect(lists).toBeGreaterThan(300);
  });

  it('leaves to the library what it does not read', () => {
    for (const source of ['title: "Quoted"\n', 'title: a # comment\n', 'components: []\n', 'components: [a,b]\n', 'components: [ a ]\n', 'components: [a, null]\n', 'components: [a, True]\n', 'components: [a] x\n', 'components: [a b]\n', 'components:\n  - api\n', 'title:\n', 'title: a\ntitle: b\n', 'n: 12\n', 'draft: true\n', 'a: &x b\n', 'title: one\n  two\n']) {
      expect(plainYaml(source), source).toBeUndefined();
    }
  });
});
