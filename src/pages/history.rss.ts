import type { APIRoute } from 'astro';
import { getSite } from '../lib/site.ts';
import { feedItems, feedMeta, rss } from '../views/feed.ts';

export const GET: APIRoute = async () => {
  const { entries, config, now } = await getSite();
  return new Response(rss(feedMeta(config, now), feedItems(entries, config, now)), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
