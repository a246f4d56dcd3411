import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import type * as z from 'zod';
import type { Heading, Html, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { type ForeignImage, parseMarkdown, renderTree } from './markdown.ts';
import type { Language } from '../i18n/languages.ts';
import type { AffectedComponent, Entry, Incident, Maintenance, Postmortem, PostmortemTranslation, Translation, Update } from './model.ts';
import { didYouMean, type Position, Problems } from './problems.ts';
import { incidentFrontmatter } from './schema/incident.ts';
import { maintenanceFrontmatter } from './schema/maintenance.ts';
import { postmortemFrontmatter } from './schema/postmortem.ts';
import { translationFrontmatter } from './schema/translation.ts';
import {
  deriveImpact,
  ENDING_STATUSES,
  INCIDENT_UPDATE_WORDS,
  type IncidentComponentStatus,
  type IncidentUpdateStatus,
  MAINTENANCE_UPDATE_WORDS,
  type MaintenanceUpdateStatus,
} from './status.ts';
import { formatUtc, parseTime, TIME_FORMAT_HINT } from './time.ts';
import { validateYaml } from './validate.ts';
import { type LocatedYaml, parseYaml } from './yaml.ts';
import { reportTemplateText, TEMPLATE_TEXT_HINT, templateTextIn } from './template-text.ts';
import { deepest, LIMITS, overlongParagraph } from './limits.ts';

export interface SourceFile {
  /** Path relative to the project root, for messages. */
  file: string;
  /** The id: the file name without `.md` (or `.postmortem.md`). */
  id: string;
  text: string;
}

/** What the parser needs to know of the configuration. */
export interface ParseContext {
  /** Known component ids; undefined when the configuration itself is broken (the check is skipped). */
  componentIds?: readonly string[];
}

interface Split {
  yaml: LocatedYaml;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
}

/** Splits frontmatter from body; reports a missing, unclosed or invalid frontmatter. */
function splitFrontmatter(file: SourceFile, problems: Problems, required: string, emptyOk = false): Split | undefined {
  // Files saved on Windows end their lines with CRLF: read as LF, lines and columns stay the same.
  const src = { ...file, text: file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
  if (src.text.trim() === '') {
    problems.error(src.file, { line: 1 }, 'The file is empty.', `Start it with frontmatter (${required}) between "---" lines, followed by at least one update.`);
    return undefined;
  }
  const open = /^---[ \t]*\n/.exec(src.text);
  if (!open) {
    problems.error(src.file, { line: 1 }, 'The file does not start with frontmatter.', `Put ${required} between two "---" lines at the very top.`);
    return undefined;
  }
  // The closing line is searched from the opening line's end, so `---` right below it closes an empty frontmatter.
  const from = open[0].length - 1;
  const close = /\n---[ \t]*(?:\n|$)/.exec(src.text.slice(from));
  if (!close) {
    problems.error(src.file, { line: 1 }, 'The frontmatter is never closed.', 'End the frontmatter with a line holding only "---".');
    return undefined;
  }
  const matter = src.text.slice(open[0].length, Math.max(open[0].length, from + close.index));
  const bodyStart = from + close.index + close[0].length;
  const bodyLine = src.text.slice(0, bodyStart).split('\n').length;
  // Blank or only comments: nothing to parse, and said so below.
  let yaml = matter.replace(/^\s*#[^\n]+/gm, '').trim() === '' ? undefined : parseYaml(matter, 2);
  if (emptyOk && yaml?.data == null && !yaml?.errors.length) yaml = { ...(yaml ?? parseYaml('', 2)), data: {} };
  if (!yaml) {
    problems.error(src.file, { line: 2 }, 'The frontmatter is empty.', `Write ${required} between the "---" lines.`);
    return undefined;
  }
  for (const e of yaml.errors) problems.error(src.file, e.at, `The frontmatter is not valid YAML: ${e.message}.`, 'Check indentation, and quote values that contain ": " or start with a special character.');
  if (yaml.errors.length) return undefined;
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    problems.error(src.file, { line: 2 }, 'The frontmatter must be a set of "field: value" lines.', `Write ${required}.`);
    return undefined;
  }
  return { yaml, body: src.text.slice(bodyStart), bodyLine };
}

type Words = Record<string, string>;

interface RawUpdate {
  status: string;
  label: string;
  at: Date;
  markdown: string;
  text: string;
  html: string;
  line: number;
  quiet: boolean;
  promise?: Date;
}

/** In an update: posted on the site and feeds, pushed to no notification channel. */
export const QUIET_MARKER = '<!-- candor: quiet -->';

/** In an update: the next-update promise it made, kept in the file for the record of promises kept. */
export function promiseMarker(due: Date): string {
  return `<!-- candor: next update by ${formatUtc(due)} -->`;
}

/** `<!-- candor: … -->` markers: `quiet`, `next update by <time>`; any other is an error. */
const MARKER = /<!--\s*candor\s*:\s*([^]*?)\s*-->/giu;
const PROMISE = /^next[ -]update(?:\s+by)?\s+(.+)$/iu;

/** What an update's markers say; any marker Candor does not know is an error, never ignored. */
function updateMarkers(nodes: readonly RootContent[], bodyLine: number, file: string, problems: Problems): { quiet: boolean; promise?: Date } {
  const found: { quiet: boolean; promise?: Date } = { quiet: false };
  const html: Html[] = [];
  // On a line of its own or inside a paragraph ("Fixed a typo. <!-- candor: quiet -->"); not in code.
  for (const node of nodes) visit(node, 'html', (h: Html) => void html.push(h));
  for (const node of html) {
    for (const m of node.value.matchAll(MARKER)) {
      const at = { line: (node.position?.start.line ?? 1) + bodyLine - 1 + node.value.slice(0, m.index).split('\n').length - 1, column: 1 };
      const word = m[1]!;
      const promise = PROMISE.exec(word);
      if (word.toLowerCase() === 'quiet') found.quiet = true;
      else if (promise) {
        const time = parseTime(promise[1]!);
        if (time.ok) found.promise = time.date;
        else problems.error(file, at, `The promise in "<!-- candor: ${word} -->" has no readable time: ${time.reason}.`, `Write it like <!-- candor: next update by 2026-11-20 16:00 UTC -->.`);
      } else {
        problems.error(
          file,
          at,
          `Unknown marker "<!-- candor: ${word} -->".${didYouMean(word, ['quiet', 'next update by'])}`,
          'Candor reads <!-- candor: quiet --> (posted without pushing it to the notification channels) and <!-- candor: next update by <time> --> (the promise this update made).',
        );
      }
    }
  }
  return found;
}

/** Splits the body into updates at level-2 headings `## <Status> — <time>`. */
function parseUpdates(src: SourceFile, split: Split, words: Words, otherWords: Words, kind: string, problems: Problems): RawUpdate[] {
  if (!withinParagraphLimit(split.body, split.bodyLine, src.file, problems)) return [];
  const tree = parseMarkdown(split.body);
  const lineOf = (node: RootContent) => (node.position?.start.line ?? 1) + split.bodyLine - 1;
  const updates: RawUpdate[] = [];
  let current: { heading: Heading; parsed?: Omit<RawUpdate, 'markdown' | 'text' | 'html' | 'quiet' | 'promise'>; nodes: RootContent[] } | undefined;
  // A heading look-alike is reported as one; it is not also "text before the first update".
  const lookalikes = reportHeadingLookalikes(src.file, split, tree, words, otherWords, problems);
  let textBeforeReported = false;

  const close = (endOffset: number) => {
    if (current?.parsed) {
      const start = current.heading.position?.end.offset ?? 0;
      const markdown = split.body.slice(start, endOffset).trim();
      if (!withinLimits(current.nodes, markdown.length, LIMITS.updateChars, 'update', { line: current.parsed.line, column: 1 }, split.bodyLine, src.file, problems)) return;
      const text = plainText(current.nodes);
      const html = renderTree(current.nodes, foreignImageError(src.file, split.bodyLine, problems));
      reportTemplateText(current.nodes, split.bodyLine, src.file, problems);
      if (isBlank(html)) {
        problems.error(
          src.file,
          { line: current.parsed.line, column: 1 },
          `The update "## ${toString(current.heading)}" has no text for customers.`,
          'Write what customers should know under the heading (what is affected, what you are doing), or remove the heading.',
        );
      }
      // Markers are HTML comments: most updates have none, and their trees need no second walk.
      const markers = markdown.includes('<!--') ? updateMarkers(current.nodes, split.bodyLine, src.file, problems) : { quiet: false };
      updates.push({ ...current.parsed, markdown, text, html, ...markers });
    }
  };

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      close(node.position?.start.offset ?? split.body.length);
      const parsed = parseHeading(toString(node), words, otherWords, kind, src.file, { line: lineOf(node), column: 1 }, problems);
      current = parsed ? { heading: node, parsed, nodes: [] } : { heading: node, nodes: [] };
    } else if (current) {
      current.nodes.push(node);
    } else if (lookalikes.has(node.position?.start.line ?? 0)) {
      // Its own error says what to write; the text under it is not reported again.
      textBeforeReported = true;
    } else if (!textBeforeReported && node.type !== 'definition') {
      textBeforeReported = true;
      problems.error(src.file, { line: lineOf(node), column: 1 }, 'Text before the first update.', `Every part of the body belongs to an update: start it with a heading such as "## ${kind === 'incident' ? 'Investigating' : 'Scheduled'} — 2026-11-20 14:05 UTC".`);
    }
  }
  close(split.body.length);
  if (updates.length === 0 && !problems.errors.some((p) => p.file === src.file)) {
    problems.error(src.file, { line: split.bodyLine }, `The ${kind} has no update.`, `Add at least one update below the frontmatter, such as "## ${kind === 'incident' ? 'Investigating' : 'Scheduled'} — 2026-11-20 14:05 UTC" and a sentence for customers.`);
  }
  return updates;
}

/**
 * Separators between the status word and the time: em and en dashes, `|`, `·`, a hyphen or two, and
 * the dashes keyboards and phones type in their place (minus sign, figure dash, horizontal bar,
 * fullwidth and small hyphens).
 */
const DASH = '[—–|·\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]';
const HEADING = new RegExp(`^\\s*([\\p{L}][\\p{L} ]*?)\\s*(?:${DASH}|\\s--?\\s|--?(?=\\s*\\d))\\s*(.*)$`, 'u');

/** The time of an update heading's text ("Resolved — 2026-11-20 15:00 UTC"), or undefined. */
export function headingTime(text: string): Date | undefined {
  const time = HEADING.exec(text)?.[2]?.trim();
  const parsed = time ? parseTime(time) : undefined;
  return parsed?.ok ? parsed.date : undefined;
}

/** Rendered HTML that shows nothing: only tags, comments and white or invisible space, and no image. */
function isBlank(html: string): boolean {
  const visible = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(?!img\b)[^>]*>/g, '')
    .replace(/&(?:nbsp|ZeroWidthSpace|#xa0|#160|#x200b|#8203|#xfeff|#65279);/gi, '')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '');
  return visible === '' && !/<img\b/i.test(html);
}

/** `<Status word> <separator> <rest>` however it is marked up: `### Resolved — …`, `##Resolved: …`, `<h3>Resolved — …</h3>`. */
const LOOKALIKE = new RegExp(`^(?:<h([1-6])\\b[^>]*>)?(#*)([ \\t]*)[*_]*([\\p{L}][\\p{L} ]{0,30}?)[*_]*[ \\t]*(${DASH}|[:,]|--?)[ \\t]*[*_]*(.*?)[*_]*[ \\t]*(?:<\\/h[1-6]>)?$`, 'u');
/** What a heading's time starts with: an ISO date, a clock time, or a written date. */
const TIME_START = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}|\d{1,2} \p{L}{3,} \d{4})/u;
/** Plain text reads as a heading only when the time is all that follows the status word. */
const ONLY_TIME = /^\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:UTC|GMT|Z|[+-]\d{2}:?\d{2}))?$/i;

/**
 * Reports every line that reads as an update heading but is not a level-2 heading: its text would
 * silently join the update above it (a `### Resolved` leaves the incident unresolved). List items and
 * table rows are content, and fenced code is shown as written.
 */
function reportHeadingLookalikes(file: string, split: Split, tree: ReturnType<typeof parseMarkdown>, words: Words, otherWords: Words, problems: Problems): Set<number> {
  const found = new Set<number>();
  const firstUpdate = tree.children.find((n) => n.type === 'heading' && n.depth === 2)?.position?.start.line ?? Infinity;
  const lines = split.body.split('\n');
  const blockOf = new Map<number, RootContent>();
  for (const node of tree.children) {
    const s = node.position?.start.line, e = node.position?.end.line;
    if (s !== undefined && e !== undefined) for (let l = s; l <= e; l++) blockOf.set(l, node);
  }
  lines.forEach((raw, i) => {
    // Every look-alike has a time, so a digit: most lines are passed over at that.
    if (!/\d/.test(raw)) return;
    const line = i + 1;
    const block = blockOf.get(line);
    if (block?.type === 'heading' && block.depth === 2) return;
    if (block?.type === 'table' || block?.type === 'list') return;
    if (block?.type === 'code' && /^[ \t]*(```|~~~)/.test(lines[(block.position?.start.line ?? 1) - 1] ?? '')) return;
    const text = raw.replace(/\r$/, '');
    const lead = /^[ \t>]*/.exec(text)![0];
    const m = LOOKALIKE.exec(text.slice(lead.length));
    if (!m) return;
    const [, htmlLevel, hashes = '', space = '', word = '', separator = '', rest = ''] = m;
    const time = rest.trim();
    const marked = htmlLevel !== undefined || hashes !== '';
    // Plain text is a heading only in a heading's own form: "Resolved — <time>" and nothing else
    // ("**Resolved:** 2026-11-24 12:30 UTC" in a summary is a label).
    if (!TIME_START.test(time) || (!marked && (!ONLY_TIME.test(time) || separator === ':' || separator === ','))) return;
    const key = word.toLowerCase().replace(/\s+/g, ' ');
    const meant = Object.hasOwn(words, key) || Object.hasOwn(otherWords, key) ? key : marked ? /"([^"]+)"/.exec(didYouMean(key, Object.keys(words)))?.[1] : undefined;
    if (!meant) return;
    found.add(line);
    const why = lead.includes('>')
      ? 'it is inside a quote'
      : htmlLevel !== undefined
        ? `it is an HTML heading (<h${htmlLevel}>)`
        : block?.type === 'html'
          ? 'a line of HTML right above it makes it part of that HTML'
          : block?.type === 'heading' && hashes === ''
            ? `it is a level-${block.depth} heading (underlined)`
            : hashes === ''
              ? 'it is plain text, not a heading'
              : hashes.length !== 2
                ? `it is a level-${hashes.length} heading (${hashes})`
                : space === ''
                  ? 'there is no space after ##'
                  : 'it is indented';
    problems.error(
      file,
      { line: line + split.bodyLine - 1, column: 1 },
      `"${raw.trim()}" reads as an update heading but is not one: ${why}, so ${line < firstUpdate ? 'it starts no update' : 'its text would join the update above'}.`,
      `Write it as "## ${capitalize(meant)} — ${time}": two # signs at the very start of the line, then a space${block?.type === 'html' && htmlLevel === undefined ? ', with a blank line above it' : ''}. To keep it as text, reword it.`,
    );
  });
  return found;
}

function parseHeading(
  text: string,
  words: Words,
  otherWords: Words,
  kind: string,
  file: string,
  at: Position,
  problems: Problems,
): Omit<RawUpdate, 'markdown' | 'text' | 'html' | 'quiet' | 'promise'> | undefined {
  const example = `## ${kind === 'maintenance' ? 'In progress' : 'Identified'} — 2026-11-20 14:30 UTC`;
  const m = HEADING.exec(text);
  const word = (m?.[1] ?? text.trim()).replace(/\s+/g, ' ');
  const key = word.toLowerCase();
  const known = () => Object.keys(words);
  const labels = () => known().map(capitalize).join(', ');
  // A status word and a date with something else between them: name what stands there.
  const odd = m ? null : /^\s*([\p{L}][\p{L} ]*?)\s*([^\p{L}\p{N}\s]{1,3})\s*\d{4}-/u.exec(text);
  if (odd && Object.hasOwn(words, odd[1]!.toLowerCase().replace(/\s+/g, ' '))) {
    problems.error(file, at, `The heading "## ${text}" has "${odd[2]}" between the status word and the time, which Candor does not read as a separator.`, `Use a dash: "## ${capitalize(odd[1]!.toLowerCase())} — ${text.slice(odd[0].length - /\d{4}-$/.exec(odd[0])![0].length).trim()}" (—, –, -, | and · all work).`);
    return undefined;
  }
  if (!Object.hasOwn(words, key) && kind === 'translation') {
    // A misspelt status word with its time: the heading it most likely copies.
    const meant = /"([^"]+)"/.exec(didYouMean(key, known()))?.[1];
    const heading = meant && m?.[2]?.trim() ? `"## ${capitalize(meant)} — ${m[2].trim()}"` : `the heading (such as "${example}")`;
    problems.error(
      file,
      at,
      `The heading "## ${text}" is not one of an update: a translation keeps each update's heading as the incident's file has it.`,
      `Copy ${heading} from the incident's file and translate the text under it; the status word and the time say which update it translates, and the page shows the status in this language.`,
    );
    return undefined;
  }
  if (!Object.hasOwn(words, key)) {
    const other = Object.hasOwn(otherWords, key);
    const isLikelyStatus = m !== null || word.split(' ').length <= 2;
    problems.error(
      file,
      at,
      isLikelyStatus
        ? `Unknown ${kind} status "${word}" in the heading "## ${text}".${other ? '' : didYouMean(key, known()).replace(/"([^"]+)"/, (_, w: string) => `"${capitalize(w)}"`)}`
        : `The heading "## ${text}" is not an update.`,
      other
        ? kind === 'incident'
          ? `"${capitalize(key)}" is a maintenance status: give the file scheduled_for and scheduled_until to make it maintenance, or use one of ${labels()}.`
          : `"${capitalize(key)}" is an incident status; maintenance updates use ${labels()}.`
        : `Level-2 headings start updates: "${example}". Status words: ${labels()}. Use ### for headings inside an update.`,
    );
    return undefined;
  }
  const timeText = m?.[2]?.trim() ?? '';
  if (timeText === '') {
    problems.error(file, at, `The update "## ${text}" has no time.`, `Add the time after a dash: "${example}".`);
    return undefined;
  }
  const time = parseTime(timeText);
  if (!time.ok) {
    problems.error(file, at, `The update "## ${text}" has an invalid time: ${time.reason}.`, `${capitalize(TIME_FORMAT_HINT)}.`);
    return undefined;
  }
  return { status: words[key]!, label: capitalize(key), at: time.date, line: at.line ?? 1 };
}

/** Refuses, before parsing, a paragraph too long to read in reasonable time. */
function withinParagraphLimit(markdown: string, firstLine: number, file: string, problems: Problems): boolean {
  const long = overlongParagraph(markdown);
  if (!long) return true;
  problems.error(file, { line: long.line + firstLine - 1, column: 1 }, `This paragraph is ${long.length.toLocaleString('en')} characters long; Candor reads paragraphs of up to ${LIMITS.paragraphChars.toLocaleString('en')}.`, 'Break it into shorter paragraphs with blank lines, or link to a document for the long part.');
  return false;
}

/**
 * An update or post-mortem within what Candor reads: its length, and how deep quotes and lists go
 * (rendering deeper input would overflow the stack). Reported at its place; false when beyond.
 */
function withinLimits(nodes: RootContent[], length: number, max: number, what: string, at: Position, firstLine: number, file: string, problems: Problems): boolean {
  if (length > max) {
    problems.error(file, at, `This ${what} is ${length.toLocaleString('en')} characters long; Candor reads up to ${max.toLocaleString('en')}.`, `Keep the ${what} short and link to a document for the rest.`);
    return false;
  }
  const deep = deepest(nodes);
  if (deep.depth > LIMITS.depth) {
    const line = (deep.node?.position?.start.line ?? 1) + firstLine - 1;
    problems.error(file, { line, column: deep.node?.position?.start.column ?? 1 }, `Quotes, lists or other blocks here go ${deep.depth} levels deep; Candor reads up to ${LIMITS.depth}.`, 'Flatten the nesting: nobody reads that many levels of quotes or lists.');
    return false;
  }
  return true;
}

/** Plain text of Markdown blocks, a blank line between blocks; raw HTML is left out. */
function plainText(nodes: RootContent[]): string {
  return nodes
    .map((n) => toString(n, { includeHtml: false }).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `update-2026-11-20-1430`: stable while the text of the update is edited. */
export function updateAnchor(at: Date): string {
  const iso = at.toISOString();
  const seconds = iso.slice(17, 19) === '00' ? '' : iso.slice(17, 19);
  return `update-${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${seconds}`;
}

/** Newest first, with anchors; reports updates sharing a time, and updates after the terminal one. */
function finishUpdates<S extends string>(raw: RawUpdate[], terminal: readonly string[], file: string, kind: string, problems: Problems): Update<S>[] {
  const chronological = [...raw].sort((a, b) => a.at.getTime() - b.at.getTime());
  const anchors = new Map(chronological.map((u) => [u, updateAnchor(u.at)]));
  const seen = new Map<string, RawUpdate>();
  for (const u of chronological) {
    const anchor = anchors.get(u)!;
    const twin = seen.get(anchor);
    if (twin) problems.error(file, { line: u.line, column: 1 }, `Two updates have the same time, ${formatUtc(u.at)} (lines ${twin.line} and ${u.line}).`, 'Give each update its own time; add seconds if they really came in the same minute.');
    seen.set(anchor, u);
  }
  const end = chronological.find((u) => terminal.includes(u.status));
  if (end) {
    for (const u of chronological) {
      if (u.at > end.at) {
        problems.error(
          file,
          { line: u.line, column: 1 },
          `The update "${u.label}" at ${formatUtc(u.at)} comes after the ${kind} was ${end.status} at ${formatUtc(end.at)} (line ${end.line}).`,
          kind === 'incident'
            ? 'An incident ends at its Resolved update: move the Resolved update to the newest time, or open a new incident file for a new problem.'
            : `Maintenance ends at its ${end.label} update: make it the newest update, or remove it.`,
        );
      }
    }
  }
  return chronological.reverse().map((u) => ({
    anchor: anchors.get(u)!,
    status: u.status as S,
    label: u.label,
    at: u.at,
    markdown: u.markdown,
    text: u.text,
    html: u.html,
    line: u.line,
    ...(u.quiet ? { quiet: true } : {}),
    ...(u.promise ? { promise: u.promise } : {}),
  }));
}

/** Every component named in the frontmatter must exist in the configuration (checked even when other fields are wrong). */
function checkComponents(yaml: LocatedYaml, file: string, ctx: ParseContext, problems: Problems) {
  const known = ctx.componentIds;
  const raw = (yaml.data as Record<string, unknown>)['components'];
  if (!known || raw === null || typeof raw !== 'object') return;
  const named: [string, PropertyKey][] = Array.isArray(raw)
    ? raw.flatMap((id, i) => (typeof id === 'string' ? [[id, i] as [string, number]] : []))
    : Object.keys(raw).map((id) => [id, id]);
  for (const [id, key] of named) {
    if (!known.includes(id)) {
      problems.error(
        file,
        yaml.locate(['components', key], { key: !Array.isArray(raw) }),
        `Unknown component "${id}".${didYouMean(id, known)}`,
        `Use a component id from candor.config.yaml: ${known.join(', ')}.`,
      );
    }
  }
}

function reportTitleTemplateText(title: string, yaml: LocatedYaml, file: string, problems: Problems) {
  const left = templateTextIn(title);
  if (left) problems.error(file, yaml.locate(['title']), `Template text left in the title: "${left}".`, TEMPLATE_TEXT_HINT);
  // YAML ends an unquoted value at " #": the rest of the title would be lost without a word.
  const cut = yaml.trailingComment(['title']);
  if (cut !== undefined) {
    problems.warn(file, yaml.locate(['title']), `The title stops before "#${cut}": YAML reads " #…" as a comment, so customers see "${title}".`, `Put the whole title in quotes: title: "${title} #${cut.trim()}".`);
  }
}

function fieldLines(yaml: LocatedYaml): Record<string, number> {
  return Object.fromEntries(Object.keys(yaml.data as object).map((k) => [k, yaml.locate([k], { key: true }).line ?? 1]));
}

const INCIDENT_REQUIRED = '"title:" and optionally "components:", "next_update:"';
const POSTMORTEM_REQUIRED = '"published:" with the time it was published (leave it out while it is a draft)';

/** Reads one incident or maintenance file into the model, or reports why it cannot. */
export function parseEntry(src: SourceFile, ctx: ParseContext, problems: Problems): Entry | undefined {
  const before = problems.errors.length;
  const split = splitFrontmatter(src, problems, INCIDENT_REQUIRED);
  if (!split) return undefined;
  const data = split.yaml.data as Record<string, unknown>;
  const entry = 'scheduled_for' in data || 'scheduled_until' in data
    ? parseMaintenance(src, split, ctx, problems)
    : parseIncident(src, split, ctx, problems);
  return problems.errors.length === before ? entry : undefined;
}

function parseIncident(src: SourceFile, split: Split, ctx: ParseContext, problems: Problems): Incident | undefined {
  const fm = validateYaml(incidentFrontmatter, split.yaml, src.file, problems);
  checkComponents(split.yaml, src.file, ctx, problems);
  const raw = parseUpdates(src, split, INCIDENT_UPDATE_WORDS, MAINTENANCE_UPDATE_WORDS, 'incident', problems);
  const updates = finishUpdates<IncidentUpdateStatus>(raw, ENDING_STATUSES.incident, src.file, 'incident', problems);
  if (!fm) return undefined;
  reportTitleTemplateText(fm.title, split.yaml, src.file, problems);
  const components: AffectedComponent<IncidentComponentStatus>[] = Object.entries(fm.components).map(([id, effect]) =>
    typeof effect === 'string' ? { id, status: effect } : { id, status: effect.status, recovered: effect.recovered },
  );
  for (const c of components) {
    if (c.recovered && c.recovered < (fm.started ?? updates[updates.length - 1]?.at ?? c.recovered)) {
      problems.error(src.file, split.yaml.locate(['components', c.id, 'recovered']), `${c.id} recovered (${formatUtc(c.recovered)}) before the incident began.`, 'recovered is when the component was back to normal: a time after the incident started.');
    }
  }
  const first = updates[updates.length - 1];
  if (!first) return undefined;
  const started = fm.started ?? first.at;
  const resolved = updates.find((u) => u.status === 'resolved');
  if (resolved && started > resolved.at) {
    problems.error(src.file, split.yaml.locate(['started']), `started (${formatUtc(started)}) is after the incident was resolved (${formatUtc(resolved.at)}).`, 'started is when impact began: set it before the Resolved update.');
  }
  const incident: Incident = {
    kind: 'incident',
    id: src.id,
    file: src.file,
    title: fm.title,
    draft: fm.draft,
    owners: fm.owner ?? [],
    components,
    impact: fm.impact ?? deriveImpact(components.map((c) => c.status)),
    started,
    updates,
    lines: fieldLines(split.yaml),
  };
  if (fm.next_update) incident.nextUpdate = fm.next_update;
  return incident;
}

function parseMaintenance(src: SourceFile, split: Split, ctx: ParseContext, problems: Problems): Maintenance | undefined {
  const fm = validateYaml(maintenanceFrontmatter, split.yaml, src.file, problems);
  checkComponents(split.yaml, src.file, ctx, problems);
  const raw = parseUpdates(src, split, MAINTENANCE_UPDATE_WORDS, INCIDENT_UPDATE_WORDS, 'maintenance', problems);
  const updates = finishUpdates<MaintenanceUpdateStatus>(raw, ENDING_STATUSES.maintenance, src.file, 'maintenance', problems);
  if (!fm) return undefined;
  reportTitleTemplateText(fm.title, split.yaml, src.file, problems);
  if (fm.scheduled_until <= fm.scheduled_for) {
    problems.error(
      src.file,
      split.yaml.locate(['scheduled_until']),
      `scheduled_until (${formatUtc(fm.scheduled_until)}) is not after scheduled_for (${formatUtc(fm.scheduled_for)}).`,
      'The window ends after it starts: check the date, the hour and the zone of both.',
    );
  }
  const components: AffectedComponent[] = Array.isArray(fm.components)
    ? fm.components.map((id) => ({ id, status: 'under_maintenance' }))
    : Object.entries(fm.components).map(([id, status]) => ({ id, status }));
  return {
    kind: 'maintenance',
    id: src.id,
    file: src.file,
    title: fm.title,
    draft: fm.draft,
    owners: fm.owner ?? [],
    components,
    scheduledFor: fm.scheduled_for,
    scheduledUntil: fm.scheduled_until,
    updates,
    lines: fieldLines(split.yaml),
  };
}

const TRANSLATION_REQUIRED = '"title:" in the language of the translation';
const ANY_UPDATE_WORDS: Words = { ...INCIDENT_UPDATE_WORDS, ...MAINTENANCE_UPDATE_WORDS };

/** Reads a translation of an incident or maintenance, `<id>.<lang>.md`: its title and updates. */
export function parseTranslation(src: SourceFile, language: Language, problems: Problems): Translation | undefined {
  const before = problems.errors.length;
  const split = splitFrontmatter(src, problems, TRANSLATION_REQUIRED, true);
  if (!split) return undefined;
  const fm = validateYaml(translationFrontmatter, split.yaml, src.file, problems);
  const raw = parseUpdates(src, split, ANY_UPDATE_WORDS, {}, 'translation', problems);
  // Matched to the entry's updates by time once every file is read (assemble.ts); the order of statuses is the entry's.
  const updates = finishUpdates(raw, [], src.file, 'translation', problems);
  if (fm?.title) reportTitleTemplateText(fm.title, split.yaml, src.file, problems);
  if (!fm || problems.errors.length > before) return undefined;
  return {
    id: src.id,
    file: src.file,
    language,
    ...(fm.title ? { title: fm.title } : {}),
    titleLine: split.yaml.locate(['title']).line ?? 1,
    updates: updates.map(({ status, label, at, markdown, text, html, line }) => ({ status, label, at, markdown, text, html, line })),
  };
}

/**
 * Reads a translation of a post-mortem, `<id>.postmortem.<lang>.md`. Whether it is a draft is its
 * post-mortem's: what only a draft may have is kept as `unfinished`, for the check across files.
 */
export function parsePostmortemTranslation(src: SourceFile, language: Language, problems: Problems): PostmortemTranslation | undefined {
  const read = readPostmortem(src, problems, translationFrontmatter, TRANSLATION_REQUIRED, () => true);
  if (!read) return undefined;
  const { fm, markdown, html, sections, unfinished } = read;
  return { id: src.id, file: src.file, language, ...(fm.title ? { title: fm.title } : {}), markdown, html, sections, unfinished };
}

/** Reads `<id>.postmortem.md`. */
export function parsePostmortem(src: SourceFile, problems: Problems): Postmortem | undefined {
  const read = readPostmortem(src, problems, postmortemFrontmatter, POSTMORTEM_REQUIRED, (fm) => fm.draft || fm.published === undefined);
  if (!read) return undefined;
  const { fm, split, markdown, html, sections, draft } = read;
  const postmortem: Postmortem = { id: src.id, file: src.file, publishedLine: split.yaml.locate(['published']).line ?? 1, draft, markdown, html, sections };
  if (fm.published) postmortem.published = fm.published;
  if (fm.title) postmortem.title = fm.title;
  return postmortem;
}

/** A post-mortem's frontmatter and text, with every rule of its text; `isDraft` relaxes those a draft may break. */
function readPostmortem<S extends z.ZodType<{ title?: string | undefined }>>(src: SourceFile, problems: Problems, schema: S, required: string, isDraft: (fm: z.output<S>) => boolean) {
  const before = problems.errors.length;
  const split = splitFrontmatter(src, problems, required, true);
  if (!split) return undefined;
  const fm = validateYaml(schema, split.yaml, src.file, problems);
  const markdown = split.body.trim();
  if (markdown === '') problems.error(src.file, { line: split.bodyLine }, 'The post-mortem has no text.', 'Write the post-mortem below the frontmatter: Summary, Impact, Root cause, Resolution, Prevention.');
  if (!fm || problems.errors.length > before) return undefined;
  // The Markdown was trimmed: its line 1 is the first line with text.
  const firstLine = split.bodyLine + /^\s*/.exec(split.body)![0].split('\n').length - 1;
  if (!withinParagraphLimit(markdown, firstLine, src.file, problems)) return undefined;
  const tree = parseMarkdown(markdown);
  if (!withinLimits(tree.children, markdown.length, LIMITS.postmortemChars, 'post-mortem', { line: firstLine, column: 1 }, firstLine, src.file, problems)) return undefined;
  const sections = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2).map((h) => toString(h).trim());
  const html = renderTree(tree, foreignImageError(src.file, firstLine, problems));
  // Text never compresses to more than its length (and a header): most post-mortems are not compressed to know.
  const compressed = Buffer.byteLength(html) > LIMITS.postmortemCompressedBytes ? gzipSync(html).length : 0;
  if (compressed > LIMITS.postmortemCompressedBytes) {
    const kb = (n: number) => `${Math.round(n / 1000)} KB`;
    problems.error(src.file, { line: firstLine, column: 1 }, `This post-mortem is ${kb(compressed)} compressed; its page holds at most ${kb(LIMITS.postmortemCompressedBytes)} of it.`, 'Keep the post-mortem to what customers need, and link to a longer document for the rest.');
    return undefined;
  }
  const draft = isDraft(fm);
  // A draft may keep the skeleton's guidance and empty sections; publishing them is what must not
  // happen. They are kept apart, so that a draft's translation can be held to them once it is published.
  const unfinished = new Problems();
  reportTemplateText(tree, firstLine, src.file, unfinished);
  tree.children.forEach((node, i) => {
    if (node.type !== 'heading' || node.depth > 2) return;
    const after = tree.children.slice(i + 1);
    const next = after.findIndex((n) => n.type === 'heading' && n.depth <= node.depth);
    const content = (next < 0 ? after : after.slice(0, next)).filter((n) => n.type !== 'heading');
    if (isBlank(renderTree(content))) {
      unfinished.error(src.file, { line: (node.position?.start.line ?? 1) + firstLine - 1, column: 1 }, `The section "${toString(node)}" is empty.`, 'Write it, or remove the heading.');
    }
  });
  if (fm.title) reportTitleTemplateText(fm.title, split.yaml, src.file, unfinished);
  if (!draft) problems.list.push(...unfinished.list);
  if (problems.errors.length > before) return undefined;
  return { fm, split, markdown, html, sections, draft, unfinished: unfinished.list };
}

/** Reports an image that is not a file of the site, at its place in the file. */
function foreignImageError(file: string, firstLine: number, problems: Problems) {
  return (image: ForeignImage) =>
    problems.error(
      file,
      { line: image.line + firstLine - 1, column: image.column },
      `An image from outside the site (${image.url}): the status page loads nothing from elsewhere, so it would be left out.`,
      'Put the image under public/ and use its path on the status site, such as /images/graph.png; or link to it instead: [graph](https://…).',
    );
}
