import type { APIRoute, GetStaticPaths } from 'astro';
import { buildWritesFiles, entryCalendars, inEveryLanguage } from '../../../../lib/pages.ts';

// The build writes each maintenance's calendar directly (src/lib/entry-files.ts); a dev server serves it here.
export const getStaticPaths = (() => inEveryLanguage((site) => (buildWritesFiles() ? [] : [...entryCalendars(site)].map(([id, text]) => ({ params: { id }, props: { text } }))))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props['text'] as string, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
