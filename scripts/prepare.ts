// Run by npm when the project is installed (`prepare`): makes the parsing thread's bundle
// (src/core/thread-script.ts), so that the first build of a fresh checkout, a deployment's, does not.
import { threadScript } from '../src/core/thread-script.ts';

const worker = new URL('../src/core/load-worker.ts', import.meta.url);
if ((await threadScript(worker)).href === worker.href) console.warn('candor: the parsing thread could not be bundled; builds will bundle it or load its sources.');
