import type { APIRoute, GetStaticPaths } from 'astro';
import type { Maintenance } from '../../../core/model.ts';
import { getSite } from '../../../lib/site.ts';
import { eventCalendar } from '../../../views/calendar.ts';

export const getStaticPaths = (async () =>
  (await getSite()).entries.flatMap((e) => (e.kind === 'maintenance' ? [{ params: { id: e.id }, props: { maintenance: e } }] : []))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { config, now } = await getSite();
  return new Response(eventCalendar(props['maintenance'] as Maintenance, config, now), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
