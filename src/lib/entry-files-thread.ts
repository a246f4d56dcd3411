import { Worker } from 'node:worker_threads';
import type { ParsedProject } from '../core/assemble.ts';
import { threadScript } from '../core/thread-script.ts';

/**
 * Writes every entry's API document and calendar event under `dir` on a worker thread, which makes
 * the site from the build's parse as the pages do (the same code, src/lib/site.ts) and takes the
 * second core while the build's own thread renders the pages; resolves to the number of files. The
 * build's thread thus does not load the views these files are made with while it configures.
 */
export async function writeEntryFilesOnThread(dir: string, build: { root: string; now: Date; parsed: ParsedProject }): Promise<number> {
  const script = await threadScript(new URL('./entry-files-worker.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { dir, parsed: build.parsed }, env: { ...process.env, CANDOR_ROOT: build.root, CANDOR_NOW: build.now.toISOString() } });
    let count: number | undefined;
    worker.once('message', (n: number) => (count = n));
    worker.once('error', reject);
    worker.once('messageerror', reject);
    worker.once('exit', (code) => (count === undefined ? reject(new Error(`The thread writing the API documents of entries stopped (code ${code}) before it was done.`)) : resolve(count)));
  });
}
