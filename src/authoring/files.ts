import type { Entry, Incident } from '../core/model.ts';
import { formatDuration, incidentDuration } from '../core/rules/incident.ts';
import { formatUtc } from '../core/time.ts';

/** `2026-11-24T13:05Z`: how the CLI writes times in frontmatter. */
export function frontmatterTime(d: Date): string {
  const iso = d.toISOString();
  return iso.slice(17, 19) === '00' ? `${iso.slice(0, 16)}Z` : `${iso.slice(0, 19)}Z`;
}

/** A file name's id from a date and a title: `2026-11-24-elevated-api-error-rates`. */
export function makeId(date: Date, title: string): string {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  return [date.toISOString().slice(0, 10), ...words].join('-');
}

/** YAML for a one-line title: quoted only when plain YAML would misread it. */
function yamlString(s: string): string {
  return /^[\w(][^:#]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~|[-\d.]+)$/i.test(s) ? s : JSON.stringify(s);
}

export function updateBlock(label: string, at: Date, message: string): string {
  return `## ${label} — ${formatUtc(at)}\n${message.trim()}\n`;
}

export interface NewIncident {
  title: string;
  components: Record<string, string>;
  impact?: string | undefined;
  nextUpdate?: Date | undefined;
  draft?: boolean | undefined;
  status: string;
  at: Date;
  message: string;
}

export function incidentFile(i: NewIncident): string {
  const fm = [`title: ${yamlString(i.title)}`];
  const comps = Object.entries(i.components);
  if (comps.length) fm.push('components:', ...comps.map(([id, s]) => `  ${id}: ${s}`));
  if (i.impact) fm.push(`impact: ${i.impact}`);
  if (i.nextUpdate) fm.push(`next_update: ${frontmatterTime(i.nextUpdate)}`);
  if (i.draft) fm.push('draft: true');
  return `---\n${fm.join('\n')}\n---\n\n${updateBlock(i.status, i.at, i.message)}`;
}

export interface NewMaintenance {
  title: string;
  components: string[];
  from: Date;
  until: Date;
  draft?: boolean | undefined;
  at: Date;
  message: string;
}

export function maintenanceFile(m: NewMaintenance): string {
  const fm = [`title: ${yamlString(m.title)}`, `scheduled_for: ${frontmatterTime(m.from)}`, `scheduled_until: ${frontmatterTime(m.until)}`];
  if (m.components.length) fm.push(`components: [${m.components.join(', ')}]`);
  if (m.draft) fm.push('draft: true');
  return `---\n${fm.join('\n')}\n---\n\n${updateBlock('Scheduled', m.at, m.message)}`;
}

/** Where the body starts: after the closing `---` of the frontmatter and the blank lines after it. */
function bodyStart(text: string): number {
  const close = /\r?\n---[ \t]*\r?\n/.exec(text.slice(3));
  if (!close) throw new Error('The file has no closed frontmatter.');
  let i = 3 + close.index + close[0].length;
  while (text[i] === '\n' || text[i] === '\r') i++;
  return i;
}

/** Puts a new update on top of the timeline; nothing else in the file changes. */
export function addUpdate(text: string, label: string, at: Date, message: string): string {
  const i = bodyStart(text);
  return `${text.slice(0, i)}${updateBlock(label, at, message)}\n${text.slice(i)}`;
}

/**
 * Sets, replaces or removes `next_update` in the frontmatter by editing its one line, so the other
 * fields keep their order, comments and formatting.
 */
export function setNextUpdate(text: string, next: Date | null): string {
  const end = bodyStart(text);
  const head = text.slice(0, end);
  const line = /^next_update:[^\n]*\n/m;
  let updated: string;
  if (next === null) updated = head.replace(line, '');
  else if (line.test(head)) updated = head.replace(line, `next_update: ${frontmatterTime(next)}\n`);
  else updated = head.replace(/(\r?\n)---[ \t]*(\r?\n)/, `$1next_update: ${frontmatterTime(next)}$1---$2`);
  return updated + text.slice(end);
}

/** The incident's updates, oldest first, as a Markdown list for a post-mortem. */
export function timelineList(e: Entry): string {
  return [...e.updates]
    .reverse()
    .map((u) => `- **${formatUtc(u.at)}**, ${u.label}: ${u.text.split('\n')[0]}`)
    .join('\n');
}

export function postmortemFile(published: Date, body: string): string {
  return `---\npublished: ${frontmatterTime(published)}\n---\n\n${body.trim()}\n`;
}

export function durationText(i: Incident, now: Date): string {
  return formatDuration(incidentDuration(i, now));
}
