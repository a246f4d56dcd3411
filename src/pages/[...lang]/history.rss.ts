import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, languagePaths } from '../../lib/site.ts';
import { feedResponse } from '../../views/feed.ts';

export const getStaticPaths = languagePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => feedResponse('rss', await getSite(params.lang));
