import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './project.ts';

const CAPTURES = join(ROOT, 'test', 'fixtures', 'statuspage');

/** A real Statuspage response of test/fixtures/statuspage. */
export const capture = (name: string) => JSON.parse(readFileSync(join(CAPTURES, name), 'utf8')) as unknown;

/** Every key path of a JSON document ("components[].status") with the JSON types seen there. */
function shape(value: unknown, path = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (path) out.set(path, (out.get(path) ?? new Set()).add(type));
  if (Array.isArray(value)) for (const v of value) shape(v, `${path}[]`, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) shape(v, path ? `${path}.${k}` : k, out);
  return out;
}

/**
 * Every key the capture has is in ours, with a type the capture shows there. Where the capture only
 * ever shows null (a timestamp not yet set), a string is accepted too.
 */
export function expectStatuspageShape(ours: unknown, theirs: unknown) {
  const a = shape(ours), b = shape(theirs);
  const problems: string[] = [];
  for (const [path, types] of b) {
    const mine = a.get(path);
    if (!mine) {
      problems.push(`missing ${path}`);
      continue;
    }
    const allowed = new Set(types);
    if (types.size === 1 && types.has('null')) allowed.add('string');
    for (const t of mine) if (!allowed.has(t)) problems.push(`${path}: ${t}, Statuspage has ${[...types].join('|')}`);
  }
  expect(problems).toEqual([]);
}
