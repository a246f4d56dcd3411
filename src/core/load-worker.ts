// A worker thread of parseInParallel: parses its share of the listed files and posts the results back
// in batches, which the calling thread takes in while it waits, and then `null`.
import { parentPort, workerData } from 'node:worker_threads';
import type { ParsedSource } from './assemble.ts';
import { parseSource } from './load.ts';
import type { ParseContext } from './parse.ts';
import type { SourceJob } from './read.ts';

const BATCH = 250;
const { jobs, ctx } = workerData as { jobs: SourceJob[]; ctx: ParseContext };
let batch: ParsedSource[] = [];
for (const job of jobs) {
  batch.push(parseSource(job, ctx));
  if (batch.length === BATCH) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
if (batch.length) parentPort!.postMessage(batch);
parentPort!.postMessage(null);
