// The thread of writeEntryFilesOnThread: the site in each of its languages, made from the build's
// parse as the pages make it, and every entry's files written from it. The pages print the warnings.
import { parentPort, workerData } from 'node:worker_threads';
import type { ParsedProject } from '../core/assemble.ts';
import { buildEnv } from '../env.ts';
import { startBuild } from './build-slot.ts';
import { writeEntryFilesNow } from './entry-files.ts';
import { allSites } from './site.ts';

const { dir, parsed } = workerData as { dir: string; parsed: ParsedProject };
startBuild(buildEnv.root, Promise.resolve(parsed), { quiet: true });
parentPort!.postMessage(writeEntryFilesNow(dir, await allSites()));
