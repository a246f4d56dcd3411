import type { APIRoute, GetStaticPaths } from 'astro';
import { entryCalendars, inEveryLanguage } from '../../../../lib/pages.ts';

// The build writes each maintenance's calendar directly (src/lib/entry-files.ts); a dev server serves it
// here (src/integrations/site-build.ts injects the route in a dev server only).
export const getStaticPaths = (() => inEveryLanguage((site) => [...entryCalendars(site)].map(([id, text]) => ({ params: { id }, props: { text } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props['text'] as string, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
