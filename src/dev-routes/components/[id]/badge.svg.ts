import { siteFileRoute } from '../../../lib/pages.ts';

// A build writes these files directly (src/lib/site-files.ts); a dev server serves them here.
export const { getStaticPaths, GET } = siteFileRoute('components/[id]/badge.svg');
