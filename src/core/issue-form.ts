import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problems } from './problems.ts';
import type { Config } from './schema/config.ts';
import { parseYaml } from './yaml.ts';

export const ISSUE_FORM = '.github/ISSUE_TEMPLATE/incident-report.yml';

/**
 * The incident-report issue form lists the component ids as checkboxes; GitHub forms cannot read
 * the configuration, so a component added or renamed there is flagged until the form follows. A
 * form of another shape is GitHub's to judge, not the check's.
 */
export function checkIssueForm(root: string, config: Config, problems: Problems): void {
  const path = join(root, ISSUE_FORM);
  if (!existsSync(path)) return;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    problems.warn(ISSUE_FORM, undefined, `The issue form cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, `Make ${ISSUE_FORM} a file: GitHub's incident-report form.`);
    return;
  }
  const yaml = parseYaml(text);
  const body = (yaml.data as { body?: unknown } | undefined)?.body;
  const index = Array.isArray(body) ? body.findIndex((field) => isObject(field) && field['id'] === 'components') : -1;
  if (index < 0) return;
  const field = (body as Record<string, unknown>[])[index]!;
  const options = isObject(field['attributes']) ? field['attributes']['options'] : undefined;
  const listed = Array.isArray(options) ? options.map((o) => (isObject(o) ? String(o['label']) : String(o))) : [];
  const configured = config.components.map((c) => c.id);
  const missing = configured.filter((id) => !listed.includes(id));
  const unknown = listed.filter((id) => !configured.includes(id));
  if (missing.length === 0 && unknown.length === 0) return;
  const what = [missing.length ? `misses ${missing.join(', ')}` : '', unknown.length ? `lists unknown ${unknown.join(', ')}` : ''].filter(Boolean).join(' and ');
  problems.warn(
    ISSUE_FORM,
    yaml.locate(['body', index, 'attributes', 'options']),
    `The issue form's component checkboxes do not match candor.config.yaml: the form ${what}.`,
    `List the component ids of candor.config.yaml under "options", one "- label: <id>" each: ${configured.join(', ')}.`,
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
