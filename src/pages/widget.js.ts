import type { APIRoute } from 'astro';
import { build } from 'esbuild';

declare const __CANDOR_WIDGET_ENTRY__: string;

/** The widget, bundled and minified on its own for customers' pages. */
export const GET: APIRoute = async () => {
  const result = await build({ entryPoints: [__CANDOR_WIDGET_ENTRY__], bundle: true, write: false, minify: true, format: 'iife', target: 'es2019', legalComments: 'none' });
  return new Response(result.outputFiles[0]!.text, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
