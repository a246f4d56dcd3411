import type { APIRoute, GetStaticPaths } from 'astro';
import { languagePaths } from '../../lib/site.ts';
import { build } from 'esbuild';

declare const __CANDOR_WIDGET_ENTRY__: string;

export const getStaticPaths = languagePaths satisfies GetStaticPaths;

let bundled: Promise<string> | undefined;

/** The widget, bundled and minified on its own for customers' pages (once: each language's is the same script). */
export const GET: APIRoute = async () => {
  bundled ??= build({ entryPoints: [__CANDOR_WIDGET_ENTRY__], bundle: true, write: false, minify: true, format: 'iife', target: 'es2019', legalComments: 'none' }).then((r) => r.outputFiles[0]!.text);
  return new Response(await bundled, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
