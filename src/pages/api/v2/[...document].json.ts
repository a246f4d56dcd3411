import type { APIRoute, GetStaticPaths } from 'astro';
import { statusIntervals, UPTIME_DAYS } from '../../../core/rules/uptime.ts';
import { DAY } from '../../../core/time.ts';
import { getSite } from '../../../lib/site.ts';
import { apiDocuments } from '../../../views/api.ts';

export const getStaticPaths = (async () => {
  const { config, entries, now, board } = await getSite();
  const intervals = statusIntervals(entries, new Date(now.getTime() - UPTIME_DAYS * DAY), now);
  const documents = apiDocuments({ config, now, entries, statuses: board.statuses, intervals });
  return Object.entries(documents).map(([document, body]) => ({ params: { document }, props: { body } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props['body'], null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
