import type { APIRoute } from 'astro';
import { getSite } from '../lib/site.ts';
import { pageBadge, shieldsEndpoint } from '../views/badge.ts';

export const GET: APIRoute = async () => {
  const { board, t } = await getSite();
  return new Response(JSON.stringify(shieldsEndpoint(pageBadge(board.page, t))), { headers: { 'content-type': 'application/json' } });
};
