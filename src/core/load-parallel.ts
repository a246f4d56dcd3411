import { getCompileCacheDir } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadResult, ParsedProject, ParsedSource } from './assemble.ts';
import { listSources, loadConfig, parseContext, type SourceJob } from './read.ts';
import type { ParseContext } from './parse.ts';
import { type Problem, Problems } from './problems.ts';
import type { Config } from './schema/config.ts';
import { parsingThread } from './bundled-module.mjs';

/**
 * Files per thread: below this many a further thread costs more (its start) than it saves. In the
 * background a thread also takes the CPU from the work it runs beside (Astro's start and bundling),
 * so one thread parses up to a few thousand files, done before the pages ask.
 */
const FILES_PER_THREAD = 400;
const FILES_PER_BACKGROUND_THREAD = 2000;

/** The configuration as loaded already (by a build's configuration, src/integrations/candor.ts), with the problems found in it. */
export interface LoadedConfig {
  config: Config;
  problems: readonly Problem[];
}

/**
 * Reads and parses every file on worker threads, which take batches of the listing in turn: the same
 * parser as loadProject, and the same results in the same order. Few files are parsed on the
 * calling thread, unless `background` (it has other work meanwhile: the build starts Astro). The
 * configuration is read here unless `loaded` already.
 */
export async function parseInParallel(root: string, { background = false, loaded }: { background?: boolean; loaded?: LoadedConfig } = {}): Promise<ParsedProject> {
  const problems = new Problems();
  problems.list.push(...(loaded?.problems ?? []));
  const config = loaded ? loaded.config : loadConfig(root, problems);
  const sources = listSources(root, problems);
  const ctx = parseContext(config);
  const threads = Math.min(availableParallelism(), Math.ceil(sources.jobs.length / (background ? FILES_PER_BACKGROUND_THREAD : FILES_PER_THREAD)));
  let parsed: ParsedSource[];
  if (threads <= 1 && !background) {
    // Imported here only: a build, which parses in the background, loads the parser on its threads alone.
    const { parseSource } = await import('./load.ts');
    parsed = sources.jobs.map((job) => parseSource(job, ctx));
  } else {
    // The threads take batches in turn from a shared counter, so one slowed by the build's other work takes fewer.
    const next = new Int32Array(new SharedArrayBuffer(4));
    const batches: ParsedSource[][] = [];
    const workers: Worker[] = [];
    const script = await parsingThread();
    try {
      await Promise.all(Array.from({ length: Math.max(1, threads) }, () => parseOnWorker(script, { jobs: sources.jobs, ctx, next, batch: BATCH }, batches, workers)));
      parsed = batches.flat();
    } finally {
      // One thread failing fails the whole parse: the others stop rather than work on for nothing.
      for (const worker of workers) void worker.terminate();
    }
  }
  return { config, problems: problems.list, sources, parsed };
}

/** loadProject, with the files parsed in parallel. */
export async function loadInParallel(root: string, now: Date): Promise<LoadResult> {
  // Imported here only: a build's configuration, which starts the parse, never assembles the project.
  const { assembleParsed } = await import('./assemble.ts');
  return assembleParsed(root, now, await parseInParallel(root));
}

/** Files per batch a thread takes and posts back. */
const BATCH = 250;

/**
 * A thread running `script`. Where this process keeps Node's compile cache (Astro's command line turns
 * it on outside CI), the thread keeps its compiled code in the same place: it then starts with some
 * 60 ms less CPU time, taken from the pages' bundling that runs beside it.
 */
export function startThread(script: URL, workerData: unknown): Worker {
  const cache = getCompileCacheDir();
  // The folder given is the cache's own, under which each Node version keeps its part (what getCompileCacheDir names).
  return new Worker(script, cache ? { workerData, env: { ...process.env, NODE_COMPILE_CACHE: dirname(cache) } } : { workerData });
}

/** One parsing thread: each batch it parses goes into `batches` at its number, so the results keep the listing's order. */
function parseOnWorker(script: URL, data: { jobs: SourceJob[]; ctx: ParseContext; next: Int32Array; batch: number }, batches: ParsedSource[][], workers: Worker[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const worker = startThread(script, data);
    workers.push(worker);
    worker.on('message', (message: { k: number; parsed: ParsedSource[] } | null) => {
      if (message) batches[message.k] = message.parsed;
      else {
        done = true;
        resolve();
      }
    });
    worker.once('error', reject);
    worker.once('messageerror', reject);
    // A thread that ends without its last message must not leave the build waiting for it.
    worker.once('exit', (code) => done || reject(new Error(`A parsing thread stopped (code ${code}) before it had parsed its files.`)));
  });
}
