import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assembleParsed, type LoadResult, type ParsedProject, type ParsedSource } from './assemble.ts';
import { listSources, loadConfig, parseContext, type SourceJob } from './read.ts';
import type { ParseContext } from './parse.ts';
import { Problems } from './problems.ts';

/**
 * Files per thread: below this many a further thread costs more (its start) than it saves. In the
 * background a thread also takes the CPU from the work it runs beside (Astro's start and bundling),
 * so one thread parses up to a few thousand files, done before the pages ask.
 */
const FILES_PER_THREAD = 400;
const FILES_PER_BACKGROUND_THREAD = 2000;

/**
 * Reads and parses every file on worker threads, each a contiguous share of the listing: the same
 * parser as loadProject, and the same results in the same order. Few files are parsed on the
 * calling thread, unless `background` (it has other work meanwhile: the build starts Astro).
 */
export async function parseInParallel(root: string, { background = false } = {}): Promise<ParsedProject> {
  const problems = new Problems();
  const config = loadConfig(root, problems);
  const sources = listSources(root, problems);
  const ctx = parseContext(config);
  const threads = Math.min(availableParallelism(), Math.ceil(sources.jobs.length / (background ? FILES_PER_BACKGROUND_THREAD : FILES_PER_THREAD)));
  let parsed: ParsedSource[];
  if (threads <= 1 && !background) {
    // Imported here only: a build, which parses in the background, loads the parser on its threads alone.
    const { parseSource } = await import('./load.ts');
    parsed = sources.jobs.map((job) => parseSource(job, ctx));
  } else {
    const size = Math.ceil(sources.jobs.length / Math.max(1, threads));
    const shares = Array.from({ length: Math.max(1, threads) }, (_, k) => sources.jobs.slice(k * size, (k + 1) * size)).filter((share) => share.length > 0);
    const workers: Worker[] = [];
    try {
      parsed = (await Promise.all(shares.map((jobs) => parseOnWorker(jobs, ctx, workers)))).flat();
    } finally {
      // One thread failing fails the whole parse: the others stop rather than work on for nothing.
      for (const worker of workers) void worker.terminate();
    }
  }
  return { config, problems: problems.list, sources, parsed };
}

/** loadProject, with the files parsed in parallel. */
export async function loadInParallel(root: string, now: Date): Promise<LoadResult> {
  return assembleParsed(root, now, await parseInParallel(root));
}

function parseOnWorker(jobs: SourceJob[], ctx: ParseContext, workers: Worker[]): Promise<ParsedSource[]> {
  return new Promise((resolve, reject) => {
    const parsed: ParsedSource[] = [];
    let done = false;
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: { jobs, ctx } });
    workers.push(worker);
    worker.on('message', (batch: ParsedSource[] | null) => {
      if (batch) parsed.push(...batch);
      else {
        done = true;
        resolve(parsed);
      }
    });
    worker.once('error', reject);
    worker.once('messageerror', reject);
    // A thread that ends without its last message must not leave the build waiting for it.
    worker.once('exit', (code) => done || reject(new Error(`A parsing thread stopped (code ${code}) before it had parsed its files.`)));
  });
}
