import type { APIRoute, GetStaticPaths } from 'astro';
import { componentPathsInEveryLanguage, getSite } from '../../../../lib/site.ts';
import { feedResponse } from '../../../../views/feed.ts';

export const getStaticPaths = componentPathsInEveryLanguage satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => feedResponse('atom', await getSite(params.lang), params['id']);
