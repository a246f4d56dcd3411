import type { APIRoute, GetStaticPaths } from 'astro';
import { componentPaths, getSite } from '../../../../lib/site.ts';
import { atom, feedItems, feedMeta } from '../../../../views/feed.ts';

export const getStaticPaths = componentPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { entries, config, now } = await getSite(params.lang);
  const id = params['id']!;
  return new Response(atom(feedMeta(config, now, id), feedItems(entries, config, now, id)), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
