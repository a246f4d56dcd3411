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
const BATCH = 200;

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

// The writing thread: batches of [file, text, folder, …] until null, each folder made first when
// given; it stops at the first error and sends what it says. (Read as CommonJS or as a module, as
// the process reads code given to it: neither require nor import.)
const THREAD = `
const { parentPort } = process.getBuiltinModule('node:worker_threads');
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
  } catch (e) {
    failed = true;
    parentPort.postMessage({ error: { message: e.message, code: e.code, path: e.path, syscall: e.syscall, errno: e.errno } });
  }
});`;

type ThreadError = Pick<NodeJS.ErrnoException, 'message' | 'code' | 'path' | 'syscall' | 'errno'>;

function threadOutput(): Output {
  const thread = new Worker(THREAD, { eval: true });
  const finished = new Promise<number>((resolve, reject) => {
    thread.on('message', (m: { written: number } | { error: ThreadError }) => ('error' in m ? reject(Object.assign(new Error(m.error.message), m.error)) : resolve(m.written)));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The thread writing files stopped (code ${code}) before it had written them.`)));
  });
  const end = () => void thread.terminate();
  finished.then(end, end);
  let batch: string[] = [];
  return {
    write(file, text, folder) {
      batch.push(file, text, folder);
      if (batch.length >= BATCH * 3) {
        thread.postMessage(batch);
        batch = [];
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
