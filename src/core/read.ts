import { isUtf8 } from 'node:buffer';
import { type Dirent, existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { channelId } from './config.ts';
import { ID_PATTERN, RESERVED_IDS, suggestId } from './ids.ts';
import { CONTROL_CHARACTER, codePoint, LIMITS } from './limits.ts';
import { isLanguage, type Language, writeLanguage } from '../i18n/languages.ts';
import type { ParseContext } from './parse.ts';
import { didYouMean, type Problems } from './problems.ts';
import { type Config, configSchema } from './schema/config.ts';
import { validateYaml } from './validate.ts';
import { parseYaml } from './yaml.ts';

// What Candor reads from disk, before any parsing: the configuration, the listing of incidents/ and
// the rules about names, and each file's text.

export const INCIDENTS_DIR = 'incidents';

/**
 * Reads a file that customers' text comes from: within the size limit, strict UTF-8, and without
 * control characters (each is reported at its line and column).
 */
export function readText(path: string, file: string, problems: Problems): string | undefined {
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
      onProblem({
        path: folder,
        message: code === 'ENOTDIR' ? `${basename(folder)} is a file, not a folder of incidents.` : code === 'ELOOP' ? `${basename(folder)} is a link that leads back to itself.` : `The folder cannot be read (${code}).`,
        hint: code === 'ENOTDIR' || code === 'ELOOP' ? 'Make incidents/ a folder, and put each incident in it as <id>.md.' : 'Check its permissions.',
      });
      return;
    }
    for (const d of dirents) {
      const name = d.name;
      if (name.startsWith('_') || name.startsWith('.')) continue;
      // Both folders are whole paths already, and a listed name holds no separator: joined as text (10,000 files' join took a tenth of the listing).
      const path = `${folder}${sep}${name}`;
      let target = `${real}${sep}${name}`;
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
  let start: string | undefined;
  try {
    start = realpathSync(dir);
  } catch (e) {
    // No incidents/ yet: nothing to list. A folder that cannot be resolved (a link loop, no permission) is said by the walk.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out;
  }
  if (start !== undefined && !leadsInside(start, inside)) {
    onProblem({ path: dir, message: OUTSIDE, hint: 'Keep the incidents in the repository itself.' });
    return out;
  }
  walk(dir, start ?? dir, new Set([start ?? dir]));
  return out;
}

export const TEMPLATES_DIR = `${INCIDENTS_DIR}/_templates`;

export const CONFIG_FILE = 'candor.config.yaml';

/** Validates the text of `candor.config.yaml`: its schema, then the references between its parts. */
export function parseConfig(text: string, problems: Problems, file = CONFIG_FILE, root?: string): Config | undefined {
  const yaml = parseYaml(text);
  for (const e of yaml.errors) problems.error(file, e.at, `The configuration is not valid YAML: ${e.message}.`, 'Check indentation, and quote values that contain ": ".');
  if (yaml.errors.length) return undefined;
  const config = validateYaml(configSchema, yaml, file, problems);
  if (!config) return undefined;
  const before = problems.errors.length;

  const groupIds = config.groups.map((g) => g.id);
  const seen = new Set<string>();
  config.components.forEach((c, i) => {
    if (seen.has(c.id)) problems.error(file, yaml.locate(['components', i, 'id']), `Two components have the id "${c.id}".`, 'Give each component its own id: it is used in incident files and URLs.');
    seen.add(c.id);
    if (c.group !== undefined && !groupIds.includes(c.group)) {
      problems.error(file, yaml.locate(['components', i, 'group']), `Component "${c.id}" names an unknown group "${c.group}".${didYouMean(c.group, groupIds)}`, groupIds.length ? `Use a group id listed under "groups": ${groupIds.join(', ')}.` : `Add the group under "groups:" with an id and a name.`);
    }
  });
  config.notifications.forEach((n, i) => {
    if (n.type === 'github') problems.error(file, yaml.locate(['notifications', i, 'type']), `Notification ${i + 1} is a GitHub issue: it reminds the team, and customers never see it.`, 'Move it under team_notifications:.');
  });
  config.team_notifications.forEach((n, i) => {
    (n.components ?? []).forEach((c, k) => {
      if (!seen.has(c)) problems.error(file, yaml.locate(['team_notifications', i, 'components', k]), `Team notification ${i + 1} names an unknown component "${c}".${didYouMean(c, [...seen])}`, 'Use component ids listed under "components".');
    });
  });
  for (const list of ['notifications', 'team_notifications'] as const) {
    const channels = new Map<string, number>();
    config[list].forEach((n, i) => {
      const channel = channelId(n);
      const twin = channels.get(channel);
      if (twin !== undefined) problems.error(file, yaml.locate([list, i]), `${list} ${twin + 1} and ${i + 1} are the same channel, "${channel}": each would be sent every message.`, 'Remove one, or give each its own "id:" if they really are two channels.');
      channels.set(channel, i);
    });
  }
  config.notifications.forEach((n, i) => {
    (n.components ?? []).forEach((c, k) => {
      if (!seen.has(c)) problems.error(file, yaml.locate(['notifications', i, 'components', k]), `Notification ${i + 1} names an unknown component "${c}".${didYouMean(c, [...seen])}`, 'Use component ids listed under "components".');
    });
  });
  if (config.site.domain !== undefined && config.site.domain !== new URL(config.site.url).hostname) {
    problems.error(file, yaml.locate(['site', 'domain']), `site.domain (${config.site.domain}) is not the host of site.url (${config.site.url}).`, `Make them the same site: domain: ${new URL(config.site.url).hostname}, or change site.url.`);
  }
  if (root !== undefined && config.site.logo !== undefined && !existsSync(join(root, 'public', decodeURIComponent(config.site.logo.replace(/[?#].*$/, ''))))) {
    problems.error(file, yaml.locate(['site', 'logo']), `site.logo (${config.site.logo}) is not a file under public/.`, `Put the logo at public${config.site.logo}, or correct the path.`);
  }
  const seenGroups = new Set<string>();
  config.groups.forEach((g, i) => {
    if (seenGroups.has(g.id) || seen.has(g.id)) problems.error(file, yaml.locate(['groups', i, 'id']), `The group id "${g.id}" is already used.`, 'Group ids must differ from each other and from component ids.');
    seenGroups.add(g.id);
  });
  return problems.errors.length === before ? config : undefined;
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
  /** A translation (`<id>.<lang>.md`, `<id>.postmortem.<lang>.md`): the language it is in. */
  language?: Language;
}

/** What the listing found: the files to parse, and every problem of the names. */
export interface Sources {
  jobs: SourceJob[];
  /** How many files were listed, the configuration included. */
  files: number;
  /** Incident ids whose file exists, parsed or not (a post-mortem's incident may have errors of its own). */
  incidentIds: Set<string>;
}

/** Lists `incidents/` and checks every name: the id rules and uniqueness hold before any file is read. */
export function listSources(root: string, problems: Problems): Sources {
  const ids = new Map<string, string>();
  const incidentIds = new Set<string>();
  // Paths under the root are its own plus the rest (path.relative, which resolves both each time, took a third of the listing).
  const under = join(root, sep);
  const fileOf = (path: string) => (path.startsWith(under) ? path.slice(under.length) : relative(root, path)).split(sep).join('/') || path;
  const paths = listFiles(join(root, INCIDENTS_DIR), root, (p) => problems.error(fileOf(p.path), undefined, p.message, p.hint));
  const jobs: SourceJob[] = [];
  for (const path of paths) {
    const file = fileOf(path);
    const name = path.slice(path.lastIndexOf(sep) + 1);
    if (!name.endsWith('.md')) {
      problems.error(file, undefined, `"${name}" is not a Markdown file, and only incidents belong in ${INCIDENTS_DIR}/.`, 'Move it out of incidents/, give it the .md extension if it is an incident, or start its name with "_" to keep it there unread.');
      continue;
    }
    // <id>.md, <id>.postmortem.md, or either with a language before .md: a translation.
    const parts = name.slice(0, -'.md'.length).split('.');
    const code = parts.length > 1 && parts[parts.length - 1] !== 'postmortem' ? parts.pop()! : undefined;
    const postmortem = parts.length > 1 && parts[parts.length - 1] === 'postmortem';
    if (postmortem) parts.pop();
    const id = parts.join('.');
    if (code !== undefined && !isLanguage(code)) {
      problems.error(file, undefined, `"${code}" in the file name is not a language Candor has: a name with a part after the id is a translation, <id>.<language>.md.`, `Rename it with a language code (${writeLanguage(code)}), or leave the part out if it is the incident itself.`);
      continue;
    }
    if (RESERVED_IDS.includes(id)) {
      problems.error(file, undefined, `"${id}" cannot be an incident id: the API uses that name.`, `Rename the file, for example to "${id}-incident.md".`);
      continue;
    }
    if (!ID_PATTERN.test(id)) {
      problems.error(file, undefined, `"${id}" is not a valid incident id: the file name is the id and the URL.`, `Rename the file with lowercase letters, digits and hyphens, such as "${suggestId(id)}${postmortem ? '.postmortem' : ''}${code ? `.${code}` : ''}.md".`);
      continue;
    }
    const key = `${id}${postmortem ? '.postmortem' : ''}${code ? `.${code}` : ''}`;
    const other = ids.get(key);
    if (other) {
      problems.error(file, undefined, `The id "${id}" is used twice: ${other} and ${file}.`, 'The file name is the incident id and its URL: rename one of them.');
      continue;
    }
    ids.set(key, file);
    if (!postmortem && !code) incidentIds.add(id);
    jobs.push(code ? { path, file, id, postmortem, language: code } : { path, file, id, postmortem });
  }
  return { jobs, files: paths.length + 1, incidentIds };
}

/** What the parser needs to know of the configuration. */
export function parseContext(config: Config | undefined): ParseContext {
  return config ? { componentIds: config.components.map((c) => c.id) } : {};
}
