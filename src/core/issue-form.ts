import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problems } from './problems.ts';
import type { Config } from './schema/config.ts';
import { parseYaml } from './yaml.ts';

export const ISSUE_FORM = '.github/ISSUE_TEMPLATE/incident-report.yml';

/**
 * The incident-report issue form lists the component ids as checkboxes; GitHub forms cannot read
 * the configuration, so a component added or renamed there is flagged until the form follows.
 */
export function checkIssueForm(root: string, config: Config, problems: Problems): void {
  const path = join(root, ISSUE_FORM);
  if (!existsSync(path)) return;
  const yaml = parseYaml(readFileSync(path, 'utf8'));
  const body = (yaml.data as { body?: { id?: string; attributes?: { options?: { label?: unknown }[] } }[] } | undefined)?.body;
  const index = body?.findIndex((field) => field.id === 'components') ?? -1;
  if (!body || index < 0) return;
  const listed = (body[index]!.attributes?.options ?? []).map((o) => String(o.label));
  const configured = config.components.map((c) => c.id);
  if (listed.join('\n') === configured.join('\n')) return;
  const missing = configured.filter((id) => !listed.includes(id));
  const unknown = listed.filter((id) => !configured.includes(id));
  const what = [missing.length ? `misses ${missing.join(', ')}` : '', unknown.length ? `lists unknown ${unknown.join(', ')}` : ''].filter(Boolean).join(' and ') || 'lists the components in another order';
  problems.warn(
    ISSUE_FORM,
    yaml.locate(['body', index, 'attributes', 'options']),
    `The issue form's component checkboxes do not match candor.config.yaml: the form ${what}.`,
    `List exactly the component ids of candor.config.yaml under "options", in its order: ${configured.join(', ')}.`,
  );
}
