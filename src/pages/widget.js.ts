import type { APIRoute } from 'astro';
import { transform } from 'esbuild';
import source from '../widget/widget.ts?raw';

/** The widget, minified for customers' pages. */
export const GET: APIRoute = async () => {
  const { code } = await transform(source, { loader: 'ts', minify: true, target: 'es2019', legalComments: 'none' });
  return new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
