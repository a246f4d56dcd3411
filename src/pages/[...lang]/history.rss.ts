import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, languagePaths } from '../../lib/site.ts';
import { feedItems, feedMeta, rss } from '../../views/feed.ts';

export const getStaticPaths = languagePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { entries, config, now, t, base } = await getSite(params.lang);
  return new Response(rss(feedMeta(config, now, { t, base }), feedItems(entries, config, now, { t, base })), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
