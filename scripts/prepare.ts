// Run by npm when the project is installed (`prepare`): makes the bundles of the parsing thread, of
// Candor's side of a build and of the pages' (src/core/bundled-module.mjs), so that the first build of
// a fresh checkout, a deployment's, does not.
import { bundledModule, candorSide, PAGES_MODULE, pagesSide } from '../src/core/bundled-module.mjs';

const worker = new URL('../src/core/load-worker.ts', import.meta.url);
if ((await bundledModule(worker)).href === worker.href) console.warn('candor: the parsing thread could not be bundled; builds will bundle it or load its sources.');
if ((await candorSide()).href === new URL('../src/integrations/candor.ts', import.meta.url).href) console.warn("candor: the build's configuration could not be bundled; builds will bundle it or load its sources.");
if ((await pagesSide()).href === PAGES_MODULE.href) console.warn("candor: the pages' code could not be bundled; builds will bundle it or have Vite bundle its sources.");
