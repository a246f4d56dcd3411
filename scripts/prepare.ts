// Run by npm when the project is installed (`prepare`): makes the bundles of the parsing thread, of
// Candor's side of a build and of the pages' (src/core/bundled-module.mjs), so that the first build of
// a fresh checkout, a deployment's, does not.
import { CANDOR_SIDE, candorSide, PAGES_MODULE, pagesSide, PARSING_THREAD, parsingThread } from '../src/core/bundled-module.mjs';

const bundles = [
  ['the parsing thread', PARSING_THREAD, parsingThread],
  ["the build's configuration", CANDOR_SIDE, candorSide],
  ["the pages' code", PAGES_MODULE, pagesSide],
] as const;
for (const [what, module, bundle] of bundles) {
  if ((await bundle()).href === module.href) console.warn(`candor: ${what} could not be bundled; builds will bundle it or use its sources.`);
}
