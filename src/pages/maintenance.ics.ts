import type { APIRoute } from 'astro';
import { getSite } from '../lib/site.ts';
import { maintenanceCalendar } from '../views/calendar.ts';

export const GET: APIRoute = async () => {
  const { entries, config, now } = await getSite();
  return new Response(maintenanceCalendar(entries, config, now), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
