import type { APIRoute, GetStaticPaths } from 'astro';
import { build } from 'esbuild';
import { getSite, languagePaths, widgetWords } from '../../lib/pages.ts';

declare const __CANDOR_WIDGET_ENTRY__: string;

export const getStaticPaths = languagePaths satisfies GetStaticPaths;

/** The widget, bundled and minified on its own for customers' pages, with its language's words in it. */
export const GET: APIRoute = async ({ params }) => {
  const { t } = await getSite(params.lang);
  const define = { __CANDOR_WORDS__: JSON.stringify(widgetWords(t)) };
  const bundled = await build({ entryPoints: [__CANDOR_WIDGET_ENTRY__], bundle: true, write: false, minify: true, format: 'iife', target: 'es2019', legalComments: 'none', define });
  return new Response(bundled.outputFiles[0]!.text, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
