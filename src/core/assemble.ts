import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isLanguage, writeLanguage } from '../i18n/languages.ts';
import { newestFirst } from './entries.ts';
import { checkNotifySecrets } from './deploy-workflow.ts';
import { checkIssueForm } from './issue-form.ts';
import type { Entry, Postmortem, PostmortemTranslation, Translation } from './model.ts';
import { type Problem, Problems } from './problems.ts';
import { INCIDENTS_DIR, readText, type Sources, TEMPLATES_DIR } from './read.ts';
import type { Config } from './schema/config.ts';
import { checkTemplate } from './template-text.ts';
import { attachTranslations } from './translations.ts';
import { contentWarnings, snapshotErrors } from './warnings.ts';

// The last step of loading, after every file is parsed (on this thread or on workers): no parser
// here, so that a build's pages, which take the files parsed ahead, never load it.

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

/** One file read and parsed, with its own problems: plain data, so it can come from a worker thread. */
export interface ParsedSource {
  problems: Problem[];
  entry?: Entry | undefined;
  postmortem?: Postmortem | undefined;
  translation?: Translation | undefined;
  postmortemTranslation?: PostmortemTranslation | undefined;
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
  const translations: (Translation | PostmortemTranslation)[] = [];
  for (const result of parsed) {
    problems.list.push(...result.problems);
    if (result.entry) entries.push(result.entry);
    if (result.postmortem) postmortems.set(result.postmortem.id, result.postmortem);
    if (result.translation) translations.push(result.translation);
    if (result.postmortemTranslation) translations.push(result.postmortemTranslation);
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
  attachTranslations(list, translations, config, sources, now, problems);
  for (const w of contentWarnings(list, config, now)) problems.warn(w.file, w, w.message, w.hint);
  for (const e of snapshotErrors(list, config, now)) problems.error(e.file, e, e.message, e.hint);
  checkIssueForm(root, config, problems);
  checkNotifySecrets(root, config, problems);
  checkTemplates(root, problems);
  if (problems.errors.length > 0) return { problems, files };
  return { project: { config, entries: list }, problems, files };
}

/**
 * The message templates the CLI fills in, English in the folder itself and each language in its own
 * `<code>/` folder: a misspelt placeholder is a warning here, not a surprise mid-outage.
 */
function checkTemplates(root: string, problems: Problems): void {
  const files: string[] = [];
  const list = (dir: string) => readdirSync(join(root, dir), { withFileTypes: true });
  const isTemplate = (item: Dirent) => item.isFile() && item.name.endsWith('.md') && item.name !== 'README.md';
  try {
    for (const item of list(TEMPLATES_DIR)) {
      if (isTemplate(item)) files.push(`${TEMPLATES_DIR}/${item.name}`);
      if (!item.isDirectory()) continue;
      const dir = `${TEMPLATES_DIR}/${item.name}`;
      if (!isLanguage(item.name)) {
        problems.warn(dir, undefined, `${dir}/ is not a language's templates, so the CLI never uses them.`, `Rename the folder: ${writeLanguage(item.name)}.`);
        continue;
      }
      for (const inner of list(dir)) if (isTemplate(inner)) files.push(`${dir}/${inner.name}`);
    }
  } catch {
    return;
  }
  for (const file of files.sort()) {
    const text = readText(join(root, file), file, problems);
    if (text !== undefined) checkTemplate(file, text, problems);
  }
}
