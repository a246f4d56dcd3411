import { siteFileRoute } from '../lib/pages.ts';

// Each of a site's files besides its pages, under each pattern of src/lib/site-file-routes.ts: a build
// writes them directly (src/lib/site-files.ts); a dev server serves them here.
export const { getStaticPaths, GET } = siteFileRoute;
