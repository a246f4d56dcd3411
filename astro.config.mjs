// @ts-check
import { fileURLToPath } from 'node:url';
import { loadConfig } from './src/core/read.ts';
import { CandorContentError, Problems } from './src/core/problems.ts';
import { buildEnv } from './src/env.ts';
import { pagesFiles } from './src/integrations/pages-files.ts';
import { siteBuild } from './src/integrations/site-build.ts';

const problems = new Problems();
const config = loadConfig(buildEnv.root, problems);
if (!config) throw new CandorContentError(problems.errors);

// A plain object rather than defineConfig: importing 'astro/config' loads Astro's SVG optimizer (svgo,
// csso), a fifth of a small site's build, for a function that only gives the object its type.
/** @type {import('astro').AstroUserConfig} */
export default {
  site: config.site.url,
  base: config.site.base,
  trailingSlash: 'always',
  // Pages are written while others render: with thousands of incidents the build waits on the disk otherwise.
  // Eight at a time: of five alternating pairs of 10,000-incident builds on two cores, four were 1 to 4 s
  // faster than with four at a time (sixteen: no faster than eight).
  build: { format: 'directory', concurrency: 8 },
  devToolbar: { enabled: false },
  // The widget is bundled on its own by its endpoint, from the source file on disk.
  vite: { define: { __CANDOR_WIDGET_ENTRY__: JSON.stringify(fileURLToPath(new URL('./src/widget/widget.ts', import.meta.url))) } },
  integrations: [siteBuild(buildEnv.root, { config, problems: problems.list }), pagesFiles(config, buildEnv.root)],
};
