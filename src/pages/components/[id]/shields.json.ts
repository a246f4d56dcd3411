import type { APIRoute, GetStaticPaths } from 'astro';
import type { ComponentConfig } from '../../../core/schema/config.ts';
import { componentPaths, getSite } from '../../../lib/site.ts';
import { componentBadge, shieldsEndpoint } from '../../../views/badge.ts';

export const getStaticPaths = componentPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { board, t } = await getSite();
  const component = props['component'] as ComponentConfig;
  return new Response(JSON.stringify(shieldsEndpoint(componentBadge(component.name, board.statuses.get(component.id) ?? 'operational', t))), { headers: { 'content-type': 'application/json' } });
};
