import type { APIRoute, GetStaticPaths } from 'astro';
import { apiContext, apiDocuments, buildWritesFiles, entryDocuments, inEveryLanguage } from '../../../../lib/pages.ts';

export const getStaticPaths = (() => inEveryLanguage((site) => {
  const documents = Object.entries(apiDocuments(apiContext(site))).map(([name, body]) => [name, JSON.stringify(body, null, 2)] as const);
  // Each entry's own document is written by the build directly (src/lib/entry-files.ts); a dev server serves it here.
  const own = buildWritesFiles() ? [] : [...entryDocuments(site)];
  return [...documents, ...own].map(([document, text]) => ({ params: { document }, props: { text } }));
})) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props['text'] as string, { headers: { 'content-type': 'application/json; charset=utf-8' } });
