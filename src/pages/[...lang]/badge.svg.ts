import type { APIRoute, GetStaticPaths } from 'astro';
import { pageStatus } from '../../core/rules/status.ts';
import { getSite, languagePaths } from '../../lib/site.ts';
import { badgeSvg, pageBadge } from '../../views/badge.ts';

export const getStaticPaths = languagePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { entries, config, now } = await getSite(params.lang);
  return new Response(badgeSvg(pageBadge(pageStatus(entries, config, now))), { headers: { 'content-type': 'image/svg+xml' } });
};
