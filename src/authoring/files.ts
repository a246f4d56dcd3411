import { isNode } from 'yaml';
import type { Entry, Incident } from '../core/model.ts';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../core/markdown.ts';
import { headingTime, promiseMarker } from '../core/parse.ts';
import { formatDuration, incidentDuration } from '../core/rules/incident.ts';
import { formatUtc, frontmatterTime } from '../core/time.ts';
import type { Translator } from '../i18n/translate.ts';
import { editFrontmatter } from './frontmatter.ts';


/** A file name's id from a date and a title: `2026-11-24-elevated-api-error-rates`, at most six words and 60 characters. */
export function makeId(date: Date, title: string, kind: 'incident' | 'maintenance'): string {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word.slice(0, 48);
    if (next.length > 48) break;
    slug = next;
  }
  // A title with no Latin letters or digits (emoji only, another script) still gives a readable id,
  // one that a second such title in another minute does not take.
  const iso = date.toISOString();
  return `${iso.slice(0, 10)}-${slug || `${kind}-${iso.slice(11, 13)}${iso.slice(14, 16)}`}`;
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
  owners?: string[] | undefined;
  draft?: boolean | undefined;
  status: string;
  at: Date;
  message: string;
}

/** `owner: '@alice'` or a list: quoted, since YAML reads "@" as reserved. */
function ownerLine(owners: readonly string[]): string {
  return owners.length === 1 ? `owner: '${owners[0]}'` : `owner: [${owners.map((o) => `'${o}'`).join(', ')}]`;
}

/** The update's text, with the promise it makes recorded for the record of promises kept. */
export function withPromise(message: string, due: Date | undefined | null): string {
  return due ? `${message.trimEnd()}\n${promiseMarker(due)}` : message;
}

export function incidentFile(i: NewIncident): string {
  const fm = [`title: ${yamlString(i.title)}`];
  const comps = Object.entries(i.components);
  if (comps.length) fm.push('components:', ...comps.map(([id, s]) => `  ${id}: ${s}`));
  if (i.impact) fm.push(`impact: ${i.impact}`);
  if (i.nextUpdate) fm.push(`next_update: ${frontmatterTime(i.nextUpdate)}`);
  if (i.owners?.length) fm.push(ownerLine(i.owners));
  if (i.draft) fm.push('draft: true');
  return `---\n${fm.join('\n')}\n---\n\n${updateBlock(i.status, i.at, withPromise(i.message, i.nextUpdate))}`;
}

/** A translation (`<id>.<lang>.md`): its title, when there is one, and its first update under the incident's heading. */
export function translationFile(title: string | undefined, label: string, at: Date, message: string): string {
  return `---\n${title ? `title: ${yamlString(title)}\n` : ''}---\n\n${updateBlock(label, at, message)}`;
}

export interface NewMaintenance {
  title: string;
  components: string[];
  from: Date;
  until: Date;
  owners?: string[] | undefined;
  draft?: boolean | undefined;
  at: Date;
  message: string;
}

export function maintenanceFile(m: NewMaintenance): string {
  const fm = [`title: ${yamlString(m.title)}`, `scheduled_for: ${frontmatterTime(m.from)}`, `scheduled_until: ${frontmatterTime(m.until)}`];
  if (m.components.length) fm.push(`components: [${m.components.join(', ')}]`);
  if (m.owners?.length) fm.push(ownerLine(m.owners));
  if (m.draft) fm.push('draft: true');
  return `---\n${fm.join('\n')}\n---\n\n${updateBlock('Scheduled', m.at, m.message)}`;
}

/** Where the body starts: after the closing `---` of the frontmatter and the blank lines after it. */
function bodyStart(text: string): number {
  const close = /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(3));
  if (!close) throw new Error('The file has no closed frontmatter.');
  let i = 3 + close.index + close[0].length;
  while (text[i] === '\n' || text[i] === '\r') i++;
  return i;
}

/**
 * Puts a new update into the timeline, newest first (on top, unless a later one is already there),
 * in the file's own line endings; nothing else in the file changes. Update headings are found in the
 * parsed Markdown, so a heading shown inside a code block is not one.
 */
export function addUpdate(text: string, label: string, at: Date, message: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = `${updateBlock(label, at, message)}\n`.replace(/\n/g, eol);
  const start = bodyStart(text);
  for (const node of parseMarkdown(text.slice(start)).children) {
    if (node.type !== 'heading' || node.depth !== 2) continue;
    const time = headingTime(toString(node));
    const offset = node.position?.start.offset;
    if (time && time <= at && offset !== undefined) return `${text.slice(0, start + offset)}${block}${text.slice(start + offset)}`;
  }
  return `${text.replace(/(\r?\n)*$/, '')}${eol}${eol}${block.slice(0, -eol.length)}`;
}

/** A component's status in an incident, or that status and when it recovered. */
export type ComponentEffect = string | { status: string; recovered: Date };

/** What an update changes in the frontmatter besides its text. */
export interface FieldChanges {
  /** A new promise, or null to remove the standing one. */
  nextUpdate?: Date | null;
  /** Component id → how the incident affects it now. */
  components?: Record<string, ComponentEffect>;
  /** A new impact, or null to derive it from the components again. */
  impact?: string | null;
}

/** Applies field changes as a YAML-aware edit that keeps every other line of the file. */
export function setFields(text: string, changes: FieldChanges): string {
  return editFrontmatter(text, (doc) => {
    if (changes.nextUpdate === null) doc.delete('next_update');
    else if (changes.nextUpdate) doc.set('next_update', frontmatterTime(changes.nextUpdate));
    for (const [id, effect] of Object.entries(changes.components ?? {})) {
      const node = doc.createNode(typeof effect === 'string' ? effect : { status: effect.status, recovered: frontmatterTime(effect.recovered) });
      // A comment on the old value stays with the new one.
      const old: unknown = doc.getIn(['components', id], true);
      if (isNode(old) && old.comment) {
        if (typeof effect === 'string') node.comment = old.comment;
        else node.commentBefore = old.comment;
      }
      doc.setIn(['components', id], node);
    }
    if (changes.impact === null) doc.delete('impact');
    else if (changes.impact) doc.set('impact', changes.impact);
  });
}

/**
 * The incident's updates, oldest first, as a Markdown list for a post-mortem; for a translation, with
 * the status in its words and each update's translated text, or the original's to translate, in
 * double braces (which the check refuses to publish).
 */
export function timelineList(e: Entry, language?: { t: Translator; texts: ReadonlyMap<number, string> }): string {
  return [...e.updates]
    .reverse()
    .map((u) => {
      const label = language ? language.t('word.updateStatus', { status: u.status }) : u.label;
      const text = language ? (language.texts.get(u.at.getTime()) ?? `{{Translate: ${u.text.split('\n')[0]!.replace(/[{}]/g, '')}}}`) : u.text;
      return `- **${formatUtc(u.at)}**, ${label}: ${text.split('\n')[0]}`;
    })
    .join('\n');
}

export const DRAFT_NOTE = '# Draft: not published.';

/** A post-mortem's translation: published with the post-mortem, held to the same rules from then on. */
export function postmortemTranslationDraft(body: string): string {
  return `---\n# A translation of the post-mortem: published when it is. Write every section.\n---\n\n${body.trim()}\n`;
}

/** A post-mortem draft: no `published:` until its author has written every section. */
export function postmortemDraft(id: string, body: string): string {
  return `---\n${DRAFT_NOTE} Write every section, then run "candor postmortem ${id} --publish" (or add "published: <time>" here).\n---\n\n${body.trim()}\n`;
}

/** Publishes a draft at `at`: sets `published:` and takes the draft note out of the frontmatter. */
export function publishPostmortem(text: string, at: Date): string {
  const head = bodyStart(text);
  const withoutNote = text.slice(0, head).split(/(?<=\n)/).filter((line) => !line.startsWith(DRAFT_NOTE)).join('') + text.slice(head);
  return editFrontmatter(withoutNote, (doc) => {
    doc.set('published', frontmatterTime(at));
    doc.delete('draft');
  });
}

/** "1 h 15 min", or "45 min so far" while the incident goes on. */
export function durationText(i: Incident, now: Date): string {
  const resolved = i.updates.some((u) => u.status === 'resolved');
  return `${formatDuration(incidentDuration(i, now))}${resolved ? '' : ' so far'}`;
}
