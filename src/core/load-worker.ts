// A worker thread of parseInParallel: takes the next batch of the listed files that no other thread
// has taken (a shared counter), parses it and posts it back with its number, which the calling thread
// takes in while it waits, until none is left; then `null`. A thread slowed by other work takes fewer.
import { parentPort, workerData } from 'node:worker_threads';
import type { ParsedSource } from './assemble.ts';
import { parseSource } from './load.ts';
import type { ParseContext } from './parse.ts';
import type { SourceJob } from './read.ts';

const { jobs, ctx, next, batch } = workerData as { jobs: SourceJob[]; ctx: ParseContext; next: Int32Array; batch: number };
for (let k = Atomics.add(next, 0, 1); k * batch < jobs.length; k = Atomics.add(next, 0, 1)) {
  const parsed: ParsedSource[] = jobs.slice(k * batch, (k + 1) * batch).map((job) => parseSource(job, ctx));
  parentPort!.postMessage({ k, parsed });
}
parentPort!.postMessage(null);
