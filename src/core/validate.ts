import * as z from 'zod';
import { didYouMean, type Problems } from './problems.ts';
import type { LocatedYaml } from './yaml.ts';

/**
 * Validates parsed YAML against a zod schema and turns every issue into a problem that names the
 * field, its line and a fix. Returns the parsed value, or undefined when anything was wrong.
 */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  yaml: LocatedYaml,
  file: string,
  problems: Problems,
): z.output<S> | undefined {
  const result = schema.safeParse(yaml.data);
  if (result.success) return result.data;
  for (const issue of flattenUnions(result.error.issues, [], yaml.data)) {
    const path = issue.path;
    const name = path.map(String).join('.') || 'the file';
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, path);
      for (const key of issue.keys) {
        problems.error(
          file,
          yaml.locate([...path, key], { key: true }),
          `Unknown field "${[...path.map(String), key].join('.')}".${didYouMean(key, known)}`,
          `Known fields here: ${known.join(', ')}. A misspelt field would be ignored, so Candor refuses it.`,
        );
      }
    } else if (issue.code === 'invalid_value') {
      const value = valueAt(yaml.data, path);
      const options = issue.values.map(String);
      problems.error(
        file,
        yaml.locate(path),
        `"${String(value)}" is not allowed for ${name}.${didYouMean(String(value), options)}`,
        `Use one of: ${options.join(', ')}.`,
      );
    } else if (path.length > 0 && valueAt(yaml.data, path) === undefined) {
      problems.error(file, yaml.locate(path.slice(0, -1)), `Missing required field "${name}".`, `Add "${String(path[path.length - 1])}:" with a value.`);
    } else if (issue.code === 'invalid_type') {
      problems.error(file, yaml.locate(path), `${name} must be ${article(issue.expected)}.`, typeHint(issue.expected));
    } else {
      // Candor's schema messages read "what is wrong; how to fix it".
      const cut = issue.message.lastIndexOf('; ');
      const what = cut < 0 ? issue.message : issue.message.slice(0, cut);
      const fix = cut < 0 ? `Change ${name} to a valid value.` : `${capitalize(issue.message.slice(cut + 2))}.`;
      problems.error(file, yaml.locate(path), `${name}: ${what}.`.replace(/\.\.$/, '.'), fix);
    }
  }
  return undefined;
}

/**
 * A value that may take one of several forms (a status, or a map with a status and more) fails as a
 * union; what the writer needs is the problem with the form they chose: the first form that does not
 * reject the value's kind outright.
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[], data: unknown): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ ...issue, path }];
    const value = valueAt(data, path);
    const isMap = value !== null && typeof value === 'object' && !Array.isArray(value);
    const rejects = (branch: z.core.$ZodIssue[]) => branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || (i.code === 'invalid_value' && isMap)));
    const chosen = issue.errors.find((branch) => !rejects(branch)) ?? issue.errors[0]!;
    return flattenUnions(chosen, path, data);
  });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function article(expected: string): string {
  if (expected === 'record' || expected === 'object') return 'a map of names to values';
  if (expected === 'array') return 'a list';
  if (expected === 'int') return 'a whole number';
  return `a ${expected}`;
}

function typeHint(expected: string): string {
  if (expected === 'record' || expected === 'object') return 'Write one "name: value" per line, indented under the field.';
  if (expected === 'array') return 'Write one "- item" per line, indented under the field.';
  if (expected === 'boolean') return 'Write true or false.';
  if (expected === 'string') return 'Write text, in quotes if it would otherwise read as a number, a list, or true or false.';
  if (expected === 'number' || expected === 'int') return `Write ${article(expected)} without quotes, such as 7.`;
  return `Write ${article(expected)}.`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The field names an object schema accepts at `path`, looking through defaults, optionals and arrays. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.core.$ZodType | undefined = schema;
  const unwrap = (t: z.core.$ZodType | undefined): z.core.$ZodType | undefined => {
    let cur = t;
    for (let i = 0; cur && i < 10; i++) {
      const def = cur._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
      const next = def.innerType ?? def.in;
      if (!next) break;
      cur = next;
    }
    return cur;
  };
  // Of a value with several forms, the one with fields.
  const form = (t: z.core.$ZodType | undefined) => {
    const u = unwrap(t);
    return u instanceof z.ZodUnion ? (u.options.find((o) => unwrap(o as z.core.$ZodType) instanceof z.ZodObject) as z.core.$ZodType | undefined) : u;
  };
  for (const seg of path) {
    s = unwrap(form(s));
    if (s instanceof z.ZodObject) s = s.shape[String(seg)];
    else if (s instanceof z.ZodArray) s = s.element as z.core.$ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.core.$ZodType;
    else return [];
  }
  s = unwrap(form(s));
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}
