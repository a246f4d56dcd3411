// @ts-check
import { fileURLToPath } from 'node:url';
import { candorSide } from './src/core/bundled-module.mjs';

// Candor's side (src/integrations/candor.ts) is loaded as one bundle of plain JavaScript, made once
// for its sources (src/core/bundled-module.mjs): without a compile cache (Astro keeps none in CI,
// where deployments build), its sources one by one took twice as long, half of it stripping types.
/** @type {typeof import('./src/integrations/candor.ts')} */
const { candor } = await import(/* @vite-ignore */ (await candorSide()).href);
const { config, integrations } = candor();

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
  integrations,
};
