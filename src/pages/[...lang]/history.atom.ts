import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, languagePaths } from '../../lib/site.ts';
import { atom, feedItems, feedMeta } from '../../views/feed.ts';

export const getStaticPaths = languagePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { entries, config, now, t, base } = await getSite(params.lang);
  return new Response(atom(feedMeta(config, now, { t, base }), feedItems(entries, config, now, { t, base })), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
