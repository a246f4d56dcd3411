import { type Dirent, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { CONFIG_FILE, parseConfig } from './config.ts';
import { ID_PATTERN, RESERVED_IDS, suggestId } from './ids.ts';
import { checkNotifySecrets } from './deploy-workflow.ts';
import { checkIssueForm } from './issue-form.ts';
import type { Entry, Postmortem } from './model.ts';
import { type ParseContext, parseEntry, parsePostmortem, type SourceFile } from './parse.ts';
import { CONTROL_CHARACTER, codePoint, LIMITS } from './limits.ts';
import { type Problem, Problems } from './problems.ts';
import { checkTemplate } from './template-text.ts';
import { isPublished } from './rules/postmortem.ts';
import type { Config } from './schema/config.ts';
import { contentWarnings, snapshotErrors } from './warnings.ts';

export const INCIDENTS_DIR = 'incidents';

export interface Project {
  config: Config;
  /** Every incident and maintenance, drafts included, each with its post-mortem attached. */
  entries: Entry[];
}

export interface LoadResult {
  project?: Project;
  problems: Problems;
  /** How many files were read, the configuration included. */
  files: number;
}

/**
 * Reads a file that customers' text comes from: within the size limit, strict UTF-8, and without
 * control characters (each is reported at its line and column).
 */
function readText(path: string, file: string, problems: Problems): string | undefined {
  const size = statSync(path).size;
  if (size > LIMITS.fileBytes) {
    problems.error(file, undefined, `The file is ${Math.round(size / 1000)} KB; Candor reads files of up to ${LIMITS.fileBytes / 1000} KB.`, 'Split it, or link to a document for the long part.');
    return undefined;
  }
  const text = readUtf8(path, file, problems);
  if (text === undefined) return undefined;
  if (!CONTROL_CHARACTER.test(text)) return text;
  let found = 0;
  text.split('\n').forEach((line, i) => {
    const m = CONTROL_CHARACTER.exec(line);
    if (m && found++ < 10) problems.error(file, { line: i + 1, column: m.index + 1 }, `A control character (${codePoint(m[0])}) that cannot be shown: feeds would be unreadable.`, 'Delete it (it often comes from copying out of a terminal or a PDF).');
  });
  return found ? undefined : text;
}

/** Reads a file as strict UTF-8, or reports the line and column of the first invalid byte. */
function readUtf8(path: string, file: string, problems: Problems): string | undefined {
  const bytes = readFileSync(path);
  if (isUtf8(bytes)) return bytes.toString('utf8').replace(/^\uFEFF/, '');
  const reencoded = Buffer.from(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf8');
  // Invalid bytes decode to U+FFFD, so the re-encoded text differs from the first of them on.
  let end = 0;
  while (bytes[end] === reencoded[end]) end++;
  // `stream` holds back a sequence cut short at the end: the start of the invalid one, when it began like U+FFFD.
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, end), { stream: true }).replace(/^\uFEFF/, '').split('\n');
  problems.error(
    file,
    { line: before.length, column: before[before.length - 1]!.length + 1 },
    'The file is not valid UTF-8 text.',
    'Save it as UTF-8 in your editor (it may have been written as Latin-1 or Windows-1252).',
  );
  return undefined;
}

/** A file or folder under incidents/ that cannot be read as part of the project. */
export interface ListingProblem {
  path: string;
  message: string;
  hint: string;
}

/** The real path of the project folder, to which every file Candor reads must lead. */
function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/** Whether `real` (a resolved path) lies in the project: links never take the check outside it. */
const leadsInside = (real: string, inside: string) => real === inside || real.startsWith(inside + sep);

const OUTSIDE = 'A link that leads outside the project: Candor reads only what the repository holds.';

/**
 * Every file under `dir`, skipping names that start with `_` (templates) or `.` (dotfiles). Links
 * are resolved once: one that leads nowhere, in a circle or outside `root` is reported and not
 * followed, and a file reached under two names is reported the second time. So is `dir` being a file.
 */
export function listFiles(dir: string, root = dir, onProblem: (p: ListingProblem) => void = () => {}): string[] {
  const out: string[] = [];
  const inside = realRoot(root);
  const files = new Map<string, string>();
  // `real` is the folder's resolved path: only links need resolving, other names lie inside it.
  const walk = (folder: string, real: string, seen: Set<string>) => {
    let dirents: Dirent[];
    try {
      dirents = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && folder === dir) return;
      onProblem({ path: folder, message: code === 'ENOTDIR' ? `${basename(folder)} is a file, not a folder of incidents.` : `The folder cannot be read (${code}).`, hint: code === 'ENOTDIR' ? 'Make incidents/ a folder, and put each incident in it as <id>.md.' : 'Check its permissions.' });
      return;
    }
    for (const d of dirents) {
      const name = d.name;
      if (name.startsWith('_') || name.startsWith('.')) continue;
      const path = join(folder, name);
      let target = join(real, name);
      let isDirectory = d.isDirectory();
      if (d.isSymbolicLink()) {
        try {
          target = realpathSync(path);
        } catch (e) {
          const loop = (e as NodeJS.ErrnoException).code === 'ELOOP';
          onProblem({ path, message: loop ? 'A link that leads to itself, in a circle.' : 'A link that leads to nothing: its target does not exist.', hint: 'Remove the link, or make it point at a file in the repository.' });
          continue;
        }
        if (!leadsInside(target, inside)) {
          onProblem({ path, message: OUTSIDE, hint: 'Copy the file into incidents/ instead of linking to it.' });
          continue;
        }
        isDirectory = statSync(target).isDirectory();
      }
      if (isDirectory) {
        if (!seen.has(target)) walk(path, target, new Set([...seen, target]));
        continue;
      }
      const twin = files.get(target);
      if (twin) {
        onProblem({ path, message: `The same file as ${relative(root, twin).split(sep).join('/')}, reached under another name.`, hint: 'Keep one of them: each incident is one file, with one id.' });
        continue;
      }
      files.set(target, path);
      out.push(path);
    }
  };
  const start = realRoot(dir);
  if (!leadsInside(start, inside)) {
    onProblem({ path: dir, message: OUTSIDE, hint: 'Keep the incidents in the repository itself.' });
    return out;
  }
  walk(dir, start, new Set([start]));
  return out;
}

export const TEMPLATES_DIR = `${INCIDENTS_DIR}/_templates`;

/** The message templates the CLI fills in: a misspelt placeholder is a warning here, not a surprise mid-outage. */
function checkTemplates(root: string, problems: Problems): void {
  let names: string[];
  try {
    names = readdirSync(join(root, TEMPLATES_DIR)).filter((n) => n.endsWith('.md') && n !== 'README.md');
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const file = `${TEMPLATES_DIR}/${name}`;
    const text = readText(join(root, file), file, problems);
    if (text !== undefined) checkTemplate(file, text, problems);
  }
}

export function loadConfig(root: string, problems: Problems): Config | undefined {
  let text: string | undefined;
  try {
    if (!leadsInside(realpathSync(join(root, CONFIG_FILE)), realRoot(root))) {
      problems.error(CONFIG_FILE, undefined, OUTSIDE, `Put the configuration itself in ${CONFIG_FILE}.`);
      return undefined;
    }
  } catch {
    // No file: said below.
  }
  try {
    text = readText(join(root, CONFIG_FILE), CONFIG_FILE, problems);
  } catch {
    problems.error(CONFIG_FILE, undefined, `There is no ${CONFIG_FILE} in ${root}.`, 'Create it with a "site" (name, url) and a list of "components".');
    return undefined;
  }
  return text === undefined ? undefined : parseConfig(text, problems, CONFIG_FILE, root);
}

/** A file under `incidents/` whose name is a valid, unique id: read and parsed on its own. */
export interface SourceJob {
  path: string;
  /** Relative to the project root, with forward slashes. */
  file: string;
  id: string;
  postmortem: boolean;
}

/** What the listing found: the files to parse, and every problem of the names. */
export interface Sources {
  jobs: SourceJob[];
  /** How many files were listed, the configuration included. */
  files: number;
  /** Incident ids whose file exists, parsed or not (a post-mortem's incident may have errors of its own). */
  incidentIds: Set<string>;
}

/** One file read and parsed, with its own problems: plain data, so it can come from a worker thread. */
export interface ParsedSource {
  problems: Problem[];
  entry?: Entry | undefined;
  postmortem?: Postmortem | undefined;
}

/** Lists `incidents/` and checks every name: the id rules and uniqueness hold before any file is read. */
export function listSources(root: string, problems: Problems): Sources {
  const ids = new Map<string, string>();
  const incidentIds = new Set<string>();
  const fileOf = (path: string) => relative(root, path).split(sep).join('/') || path;
  const paths = listFiles(join(root, INCIDENTS_DIR), root, (p) => problems.error(fileOf(p.path), undefined, p.message, p.hint));
  const jobs: SourceJob[] = [];
  for (const path of paths) {
    const file = fileOf(path);
    const name = path.slice(path.lastIndexOf(sep) + 1);
    if (!name.endsWith('.md')) {
      problems.error(file, undefined, `"${name}" is not a Markdown file, and only incidents belong in ${INCIDENTS_DIR}/.`, 'Move it out of incidents/, give it the .md extension if it is an incident, or start its name with "_" to keep it there unread.');
      continue;
    }
    const postmortem = name.endsWith('.postmortem.md');
    const id = name.slice(0, -(postmortem ? '.postmortem.md' : '.md').length);
    if (RESERVED_IDS.includes(id)) {
      problems.error(file, undefined, `"${id}" cannot be an incident id: the API uses that name.`, `Rename the file, for example to "${id}-incident.md".`);
      continue;
    }
    if (!ID_PATTERN.test(id)) {
      problems.error(file, undefined, `"${id}" is not a valid incident id: the file name is the id and the URL.`, `Rename the file with lowercase letters, digits and hyphens, such as "${suggestId(id)}${postmortem ? '.postmortem' : ''}.md".`);
      continue;
    }
    const key = postmortem ? `${id}.postmortem` : id;
    const other = ids.get(key);
    if (other) {
      problems.error(file, undefined, `The id "${id}" is used twice: ${other} and ${file}.`, 'The file name is the incident id and its URL: rename one of them.');
      continue;
    }
    ids.set(key, file);
    if (!postmortem) incidentIds.add(id);
    jobs.push({ path, file, id, postmortem });
  }
  return { jobs, files: paths.length + 1, incidentIds };
}

/** Reads and parses one listed file. */
export function parseSource(job: SourceJob, ctx: ParseContext): ParsedSource {
  const problems = new Problems();
  const text = readText(job.path, job.file, problems);
  if (text === undefined) return { problems: problems.list };
  const src: SourceFile = { file: job.file, id: job.id, text };
  // One file that Candor fails on must never hide the problems of the others.
  try {
    if (job.postmortem) return { problems: problems.list, postmortem: parsePostmortem(src, problems) };
    return { problems: problems.list, entry: parseEntry(src, ctx, problems) };
  } catch (e) {
    problems.error(job.file, undefined, `Candor could not read this file: ${(e as Error).message}.`, 'Simplify the part of the file the message points at; and please report it, with the file, as a bug in Candor.');
    return { problems: problems.list };
  }
}

/** What the parser needs to know of the configuration. */
export function parseContext(config: Config | undefined): ParseContext {
  return config ? { componentIds: config.components.map((c) => c.id) } : {};
}

/**
 * Loads the configuration and every file under `incidents/`: each problem of every file is
 * reported, and there is a project only when there are no errors.
 */
export function loadProject(root: string, now: Date): LoadResult {
  const problems = new Problems();
  const config = loadConfig(root, problems);
  const sources = listSources(root, problems);
  const ctx = parseContext(config);
  return assembleProject(root, config, now, sources, sources.jobs.map((job) => parseSource(job, ctx)), problems);
}

/** The files parsed, not yet assembled: assembling needs the build's clock, parsing does not. */
export interface ParsedProject {
  config: Config | undefined;
  /** Problems of the configuration and of the names of files. */
  problems: Problem[];
  sources: Sources;
  parsed: ParsedSource[];
}

export function assembleParsed(root: string, now: Date, { config, problems, sources, parsed }: ParsedProject): LoadResult {
  const all = new Problems();
  all.list.push(...problems);
  return assembleProject(root, config, now, sources, parsed, all);
}

/** The project from its parsed files (in the order listed), with the checks that look across files. */
export function assembleProject(root: string, config: Config | undefined, now: Date, sources: Sources, parsed: readonly ParsedSource[], problems: Problems): LoadResult {
  const { files } = sources;
  const entries: Entry[] = [];
  const postmortems = new Map<string, Postmortem>();
  for (const result of parsed) {
    problems.list.push(...result.problems);
    if (result.entry) entries.push(result.entry);
    if (result.postmortem) postmortems.set(result.postmortem.id, result.postmortem);
  }
  for (const entry of entries) {
    const pm = postmortems.get(entry.id);
    if (pm) entry.postmortem = pm;
    postmortems.delete(entry.id);
  }
  for (const pm of postmortems.values()) {
    if (!sources.incidentIds.has(pm.id)) {
      problems.error(pm.file, undefined, `The post-mortem has no incident: there is no ${INCIDENTS_DIR}/${pm.id}.md.`, `Name it after its incident's file (<incident-id>.postmortem.md), or add the incident.`);
    }
  }

  if (!config) return { problems, files };
  const list = entries.sort(newestFirst);
  for (const w of contentWarnings(list, config, now)) problems.warn(w.file, w, w.message, w.hint);
  for (const e of snapshotErrors(list, config, now)) problems.error(e.file, e, e.message, e.hint);
  checkIssueForm(root, config, problems);
  checkNotifySecrets(root, config, problems);
  checkTemplates(root, problems);
  if (problems.errors.length > 0) return { problems, files };
  return { project: { config, entries: list }, problems, files };
}

/** The order of every list of entries: newest start first, then by id. */
export function newestFirst(a: Entry, b: Entry): number {
  return startOf(b).getTime() - startOf(a).getTime() || a.id.localeCompare(b.id);
}

/** When an entry begins: an incident's start, a maintenance's window. */
export function startOf(e: Entry): Date {
  return e.kind === 'incident' ? e.started : e.scheduledFor;
}

/**
 * What the published site shows of an entry: nothing for a draft, and its post-mortem only once
 * published (drafts of either appear in pull-request previews, with `drafts`).
 */
export function publishedEntry(entry: Entry, now: Date, drafts: boolean): Entry | undefined {
  if (entry.draft && !drafts) return undefined;
  const pm = entry.postmortem;
  if (pm && !isPublished(pm, now) && !(drafts && pm.draft)) {
    const { postmortem: _, ...rest } = entry;
    return rest as Entry;
  }
  return entry;
}
