import type { APIRoute } from 'astro';
import { pageStatus } from '../core/rules/status.ts';
import { getSite } from '../lib/site.ts';
import { pageBadge, shieldsEndpoint } from '../views/badge.ts';

export const GET: APIRoute = async () => {
  const { entries, config, now, t } = await getSite();
  return new Response(JSON.stringify(shieldsEndpoint(pageBadge(pageStatus(entries, config, now), t))), { headers: { 'content-type': 'application/json' } });
};
