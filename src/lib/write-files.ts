import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Takes files by their paths under the folder being written. */
export interface FileWriter {
  write(path: string, text: string): void;
}

/** Writes a build's files on a thread of their own, started before there are any. */
export interface WritingThread {
  /**
   * Writes the files `fill` gives under `dir`, making each folder once, and counts them; fails with
   * the first error, once nothing is being written any more. Once per thread: it ends when done.
   */
  write(dir: string, fill: (writer: FileWriter) => void): Promise<number>;
  /**
   * Ends the thread if it was never given files (a build that failed before them leaves none behind in
   * a process that builds again); once writing, it ends when done. Resolves once it has ended.
   */
  stop(): Promise<void>;
}

/**
 * Files per batch handed to the writing thread: few, so that it starts on the first files while the
 * next are made. With 200 a batch, a 100-incident build (some 260 files) left most of its writing
 * to the end.
 */
export const BATCH = 25;
/**
 * Batches given to the writing thread and not yet written, at most (800 files): the build's thread
 * makes texts faster than the disk takes new files, and held thousands of them waiting. A busy
 * history of 10,000 entries (nine a day, 50 open) peaked at 955 MiB at a moment the disk was slow,
 * 210 MiB of it gained while the files were written, and at some 760 MiB with this limit, as fast.
 */
export const AHEAD = 32;
/**
 * Characters of text given to the writing thread and not yet written, at most; and those of a batch,
 * which goes to the thread once it holds as many, however few its files. Feeds of a component can be
 * a megabyte each: 300 components affected by one incident of long updates peaked at 1.29 GB with the
 * count of batches alone bounded, 1.05 GB with 64 Mi characters, 0.84 GB with 16 Mi.
 */
export const AHEAD_CHARS = 16 * 2 ** 20;
const BATCH_CHARS = 4 * 2 ** 20;
/**
 * How long the build's thread waits for a batch to be written. A thread that takes longer (or ended
 * without a word, which the build's thread cannot hear while it waits) is waited for no more.
 */
const PATIENCE_MS = 10_000;

/**
 * Starts the thread that writes a build's files while there is other work to do: its start (some
 * 40 ms) passes while the pages render, and it then writes each batch on the other core while this
 * thread makes the next. Creating a file costs 0.2 to 0.5 ms of the kernel's time here: a
 * 100-incident build writes some 260, and its last phase, some 200 ms on one thread, is about 80 ms
 * shorter so. Until it is given files, the thread keeps no process running.
 */
export function writingThread(): WritingThread {
  const progress = new Int32Array(new SharedArrayBuffer(8));
  const thread = new Worker(THREAD, { eval: true, workerData: progress });
  const finished = new Promise<number>((resolve, reject) => {
    thread.on('message', (m: { written: number } | { error: ThreadError }) => ('error' in m ? reject(Object.assign(new Error(m.error.message), m.error)) : resolve(m.written)));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The thread writing files stopped (code ${code}) before it had written them.`)));
  });
  // A thread that fails before it is given files fails the writing once it is, before any text is made.
  let settled = false;
  let used = false;
  finished.then(
    () => (settled = true),
    () => (settled = true),
  );
  // After the listeners, which would hold the process again.
  thread.unref();
  return {
    write(dir, fill) {
      used = true;
      if (settled) return finished;
      thread.ref();
      const end = () => void thread.terminate();
      finished.then(end, end);
      const made = new Set<string>();
      let batch: string[] = [];
      let batchChars = 0;
      let posted = 0;
      // Characters given to the thread by the end of each batch posted.
      const postedChars: number[] = [];
      let waitedOut = false;
      /** Waits (blocking: the texts are made synchronously) while more than AHEAD batches or AHEAD_CHARS characters are still to be written, unless the thread failed. */
      const keepUp = () => {
        const until = Date.now() + PATIENCE_MS;
        while (!waitedOut) {
          const written = Atomics.load(progress, 0);
          const waiting = postedChars[posted - 1]! - (written > 0 ? postedChars[written - 1]! : 0);
          if ((posted - written <= AHEAD && waiting <= AHEAD_CHARS) || Atomics.load(progress, 1)) return;
          if (Date.now() > until) waitedOut = true;
          // Sleeps until the count moves from what was just read (a batch written since wakes it at once).
          else Atomics.wait(progress, 0, written, 100);
        }
      };
      try {
        fill({
          write(path, text) {
            const file = join(dir, path);
            const folder = dirname(file);
            const isNew = !made.has(folder);
            if (isNew) made.add(folder);
            batch.push(file, text, isNew ? folder : '');
            batchChars += text.length;
            if (batch.length < BATCH * 3 && batchChars < BATCH_CHARS) return;
            thread.postMessage(batch);
            postedChars.push((postedChars[posted - 1] ?? 0) + batchChars);
            posted++;
            batch = [];
            batchChars = 0;
            keepUp();
          },
        });
      } catch (error) {
        end();
        return Promise.reject(error);
      }
      if (batch.length) thread.postMessage(batch);
      thread.postMessage(null);
      return finished;
    },
    async stop() {
      if (!used) await thread.terminate();
    },
  };
}

// The writing thread: batches of [file, text, folder, …] until null, each folder made first when
// given, counting the batches it has written in `progress[0]`; it stops at the first error, marks
// `progress[1]` and sends what the error says. (Read as CommonJS or as a module, as the process
// reads code given to it: neither require nor import.)
const THREAD = `
const { parentPort, workerData: progress } = process.getBuiltinModule('node:worker_threads');
const { mkdirSync, writeFileSync } = process.getBuiltinModule('node:fs');
let written = 0;
let failed = false;
parentPort.on('message', (batch) => {
  if (batch === null) return failed || parentPort.postMessage({ written });
  if (failed) return;
  try {
    for (let k = 0; k < batch.length; k += 3, written++) {
      if (batch[k + 2]) mkdirSync(batch[k + 2], { recursive: true });
      writeFileSync(batch[k], batch[k + 1]);
    }
    Atomics.add(progress, 0, 1);
  } catch (e) {
    failed = true;
    Atomics.store(progress, 1, 1);
    parentPort.postMessage({ error: { message: e.message, code: e.code, path: e.path, syscall: e.syscall, errno: e.errno } });
  }
  Atomics.notify(progress, 0);
});`;

type ThreadError = Pick<NodeJS.ErrnoException, 'message' | 'code' | 'path' | 'syscall' | 'errno'>;
