import type { APIRoute } from 'astro';
import { badgeSvg, getSite, pageBadge } from '../lib/pages.ts';

export const GET: APIRoute = async () => {
  const { board, t } = await getSite();
  return new Response(badgeSvg(pageBadge(board.page, t)), { headers: { 'content-type': 'image/svg+xml' } });
};
