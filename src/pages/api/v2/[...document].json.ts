import type { APIRoute, GetStaticPaths } from 'astro';
import { dayBounds, statusIntervals } from '../../../core/rules/uptime.ts';
import { getSite } from '../../../lib/site.ts';
import { apiDocuments } from '../../../views/api.ts';

export const getStaticPaths = (async () => {
  const { config, entries, now, board } = await getSite();
  const intervals = statusIntervals(entries, dayBounds(now, config.site.time_zone)[0]!, now);
  const documents = apiDocuments({ config, now, entries, statuses: board.statuses, intervals });
  return Object.entries(documents).map(([document, body]) => ({ params: { document }, props: { body } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props['body'], null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
