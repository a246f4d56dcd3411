import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, languagePaths, maintenanceCalendar } from '../../lib/pages.ts';

export const getStaticPaths = languagePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { entries, config, now, base, t } = await getSite(params.lang);
  return new Response(maintenanceCalendar(entries, config, now, base, t), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
