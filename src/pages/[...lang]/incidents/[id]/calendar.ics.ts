import type { APIRoute, GetStaticPaths } from 'astro';
import { entryCalendars } from '../../../../lib/entry-files.ts';
import { buildWritesFiles } from '../../../../lib/build-slot.ts';
import { inEveryLanguage } from '../../../../lib/site.ts';

// The build writes each maintenance's calendar directly (src/lib/entry-files.ts); a dev server serves it here.
export const getStaticPaths = (() => inEveryLanguage((site) => (buildWritesFiles() ? [] : [...entryCalendars(site)].map(([id, text]) => ({ params: { id }, props: { text } }))))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props['text'] as string, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
