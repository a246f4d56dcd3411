import type { APIRoute, GetStaticPaths } from 'astro';
import { componentFilePaths } from '../../../../lib/component-files.ts';
import { inEveryLanguage } from '../../../../lib/site.ts';

// The build writes each component's history.atom directly (src/lib/component-files.ts); a dev server serves it here.
export const getStaticPaths = (() => (import.meta.env.DEV ? inEveryLanguage((site) => componentFilePaths(site, 'history.atom')) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props['text'] as string, { headers: { 'content-type': props['type'] as string } });
