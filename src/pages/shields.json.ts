import type { APIRoute } from 'astro';
import { getSite, pageBadge, shieldsEndpoint } from '../lib/pages.ts';

export const GET: APIRoute = async () => {
  const { board, t } = await getSite();
  return new Response(JSON.stringify(shieldsEndpoint(pageBadge(board.page, t))), { headers: { 'content-type': 'application/json' } });
};
