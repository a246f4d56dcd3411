import { assembleProject, type LoadResult, type ParsedSource } from './assemble.ts';
import { listSources, loadConfig, parseContext, readText, type SourceJob } from './read.ts';
import { type ParseContext, parseEntry, parsePostmortem, parsePostmortemTranslation, parseTranslation, type SourceFile } from './parse.ts';
import { Problems } from './problems.ts';

/** Reads and parses one listed file. */
export function parseSource(job: SourceJob, ctx: ParseContext): ParsedSource {
  const problems = new Problems();
  const text = readText(job.path, job.file, problems);
  if (text === undefined) return { problems: problems.list };
  const src: SourceFile = { file: job.file, id: job.id, text };
  // One file that Candor fails on must never hide the problems of the others.
  try {
    if (job.language && job.postmortem) return { problems: problems.list, postmortemTranslation: parsePostmortemTranslation(src, job.language, problems) };
    if (job.language) return { problems: problems.list, translation: parseTranslation(src, job.language, problems) };
    if (job.postmortem) return { problems: problems.list, postmortem: parsePostmortem(src, problems) };
    return { problems: problems.list, entry: parseEntry(src, ctx, problems) };
  } catch (e) {
    problems.error(job.file, undefined, `Candor could not read this file: ${(e as Error).message}.`, 'Simplify the part of the file the message points at; and please report it, with the file, as a bug in Candor.');
    return { problems: problems.list };
  }
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
