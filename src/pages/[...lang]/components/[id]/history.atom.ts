import type { APIRoute, GetStaticPaths } from 'astro';
import { componentPathsInEveryLanguage, getSite } from '../../../../lib/site.ts';
import { atom, feedItems, feedMeta } from '../../../../views/feed.ts';

export const getStaticPaths = componentPathsInEveryLanguage satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { entries, config, now, t, base } = await getSite(params.lang);
  const id = params['id']!;
  return new Response(atom(feedMeta(config, now, { componentId: id, t, base }), feedItems(entries, config, now, { componentId: id, t, base })), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
