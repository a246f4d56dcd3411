import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, getSite, languagePaths } from '../../lib/pages.ts';

export const getStaticPaths = languagePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => feedResponse('atom', await getSite(params.lang));
