import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Takes files by their paths under the folder being written. */
export interface FileWriter {
  write(path: string, text: string): void;
}

/**
 * From this many files on, a thread of their own writes them, in batches, while this one makes the
 * next files' text. At 10,000 incidents (some 11,000 files) the build's hook took 0.7 to 1.0 s
 * instead of 1.0 to 1.5 s; at 1,000 it took as long either way, and at 100 the thread's start made it
 * twice as long.
 */
export const THREAD_FROM = 2000;
export const BATCH = 200;

/**
 * Writes the files `fill` gives under `dir`, making each folder once, and counts them; `files` is
 * about how many there are to be. Fails with the first error, once nothing is being written any more.
 */
export async function writeFiles(dir: string, files: number, fill: (writer: FileWriter) => void): Promise<number> {
  const made = new Set<string>();
  const out = files >= THREAD_FROM ? threadOutput() : directOutput();
  try {
    fill({
      write(path, text) {
        const file = join(dir, path);
        const folder = dirname(file);
        const isNew = !made.has(folder);
        if (isNew) made.add(folder);
        out.write(file, text, isNew ? folder : '');
      },
    });
  } catch (error) {
    out.abort();
    throw error;
  }
  return out.done();
}

interface Output {
  /** Writes `file`, making `folder` first unless it is ''. */
  write(file: string, text: string, folder: string): void;
  done(): Promise<number>;
  abort(): void;
}

function directOutput(): Output {
  let written = 0;
  return {
    write(file, text, folder) {
      if (folder) mkdirSync(folder, { recursive: true });
      writeFileSync(file, text);
      written++;
    },
    done: async () => written,
    abort() {},
  };
}

/**
 * Batches given to the writing thread and not yet written, at most: the build's thread makes texts
 * faster than the disk takes new files, and held thousands of them waiting. A busy history of
 * 10,000 entries (nine a day, 50 open) peaked at 955 MiB at a moment the disk was slow, 210 MiB of it
 * gained while the files were written; four batches ahead, it peaks at some 760 MiB, as fast.
 */
export const AHEAD = 4;
/**
 * How long the build's thread waits for a batch to be written. A thread that takes longer (or ended
 * without a word, which the build's thread cannot hear while it waits) is waited for no more.
 */
const PATIENCE_MS = 10_000;

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

function threadOutput(): Output {
  const progress = new Int32Array(new SharedArrayBuffer(8));
  const thread = new Worker(THREAD, { eval: true, workerData: progress });
  const finished = new Promise<number>((resolve, reject) => {
    thread.on('message', (m: { written: number } | { error: ThreadError }) => ('error' in m ? reject(Object.assign(new Error(m.error.message), m.error)) : resolve(m.written)));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The thread writing files stopped (code ${code}) before it had written them.`)));
  });
  const end = () => void thread.terminate();
  finished.then(end, end);
  let batch: string[] = [];
  let posted = 0;
  let waitedOut = false;
  /** Waits (blocking: the texts are made synchronously) while more than AHEAD batches are still to be written, unless the thread failed. */
  const keepUp = () => {
    const until = Date.now() + PATIENCE_MS;
    while (!waitedOut) {
      const written = Atomics.load(progress, 0);
      if (posted - written <= AHEAD || Atomics.load(progress, 1)) return;
      if (Date.now() > until) waitedOut = true;
      // Sleeps until the count moves from what was just read (a batch written since wakes it at once).
      else Atomics.wait(progress, 0, written, 100);
    }
  };
  return {
    write(file, text, folder) {
      batch.push(file, text, folder);
      if (batch.length >= BATCH * 3) {
        thread.postMessage(batch);
        posted++;
        batch = [];
        keepUp();
      }
    },
    done() {
      if (batch.length) thread.postMessage(batch);
      batch = [];
      thread.postMessage(null);
      return finished;
    },
    abort: end,
  };
}
