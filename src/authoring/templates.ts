import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INCIDENTS_DIR } from '../core/load.ts';

export const TEMPLATES_DIR = `${INCIDENTS_DIR}/_templates`;

/** The messages a responder starts from, one file each in incidents/_templates/. */
export const TEMPLATES = {
  acknowledge: 'acknowledge.md',
  identified: 'identified.md',
  monitoring: 'monitoring.md',
  update: 'update.md',
  resolved: 'resolved.md',
  'maintenance-announcement': 'maintenance-announcement.md',
  'maintenance-complete': 'maintenance-complete.md',
  postmortem: 'postmortem.md',
} as const;
export type TemplateName = keyof typeof TEMPLATES;

/** The template each kind of update starts from; a status with none asks for the text. */
export const TEMPLATE_FOR_STATUS: Record<'incident' | 'maintenance', Partial<Record<string, TemplateName>>> = {
  incident: { investigating: 'acknowledge', identified: 'identified', monitoring: 'monitoring', update: 'update', resolved: 'resolved' },
  maintenance: { scheduled: 'maintenance-announcement', completed: 'maintenance-complete' },
};

export function readTemplate(root: string, name: TemplateName): string {
  const path = join(root, TEMPLATES_DIR, TEMPLATES[name]);
  if (!existsSync(path)) throw new Error(`The message template ${TEMPLATES_DIR}/${TEMPLATES[name]} is missing: restore it, or pass the text with --message.`);
  return readFileSync(path, 'utf8');
}

/**
 * Replaces `{{name}}` placeholders. A line whose only placeholders have no value is dropped, so an
 * unset promise leaves no "We will post the next update by ." behind.
 */
export function fillTemplate(text: string, values: Record<string, string | undefined>): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const names = [...line.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)].map((m) => m[1]!);
    if (names.length > 0 && names.every((n) => !values[n])) continue;
    out.push(line.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, n: string) => values[n] ?? ''));
  }
  return out.join('\n').trim();
}

/** "the API", "the API and the Dashboard", "the API, the Dashboard and Webhooks". */
export function listNames(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
