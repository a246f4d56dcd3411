import { componentFileRoute } from '../../../../lib/pages.ts';

// The build writes each component's history.atom directly (src/lib/component-files.ts); a dev server serves it
// here (src/integrations/site-build.ts injects the route in a dev server only).
export const { getStaticPaths, GET } = componentFileRoute('history.atom');
