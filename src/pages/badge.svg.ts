import type { APIRoute } from 'astro';
import { getSite } from '../lib/site.ts';
import { badgeSvg, pageBadge } from '../views/badge.ts';

export const GET: APIRoute = async () => {
  const { board, t } = await getSite();
  return new Response(badgeSvg(pageBadge(board.page, t)), { headers: { 'content-type': 'image/svg+xml' } });
};
