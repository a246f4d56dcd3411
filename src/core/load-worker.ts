// A worker thread of loadInParallel: parses its share of the listed files and posts the results back.
import { parentPort, workerData } from 'node:worker_threads';
import { parseSource } from './load.ts';
import type { SourceJob } from './read.ts';
import type { ParseContext } from './parse.ts';

const { jobs, ctx } = workerData as { jobs: SourceJob[]; ctx: ParseContext };
parentPort!.postMessage(jobs.map((job) => parseSource(job, ctx)));
