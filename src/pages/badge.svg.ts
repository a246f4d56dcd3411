import type { APIRoute } from 'astro';
import { pageStatus } from '../core/rules/status.ts';
import { getSite } from '../lib/site.ts';
import { badgeSvg, pageBadge } from '../views/badge.ts';

export const GET: APIRoute = async () => {
  const { entries, config, now, t } = await getSite();
  return new Response(badgeSvg(pageBadge(pageStatus(entries, config, now), t)), { headers: { 'content-type': 'image/svg+xml' } });
};
