import type { APIRoute } from 'astro';
import { getSite } from '../lib/site.ts';
import { atom, feedItems, feedMeta } from '../views/feed.ts';

export const GET: APIRoute = async () => {
  const { entries, config, now } = await getSite();
  return new Response(atom(feedMeta(config, now), feedItems(entries, config, now)), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
