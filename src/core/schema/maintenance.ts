import { z } from 'zod';
import { maintenanceComponentStatus } from './status.ts';
import { timeField } from './time.ts';

/** Frontmatter of planned maintenance: an incident file with a `scheduled_for` window. */
export const maintenanceFrontmatter = z.strictObject({
  title: z.string().trim().min(1).regex(/^[^\n]*$/, 'must be one line'),
  scheduled_for: timeField,
  scheduled_until: timeField,
  /** A list puts each component under maintenance; a map names a harsher status per component. */
  components: z
    .union([z.array(z.string()), z.record(z.string(), maintenanceComponentStatus)])
    .default([]),
  draft: z.boolean().default(false),
});
export type MaintenanceFrontmatter = z.output<typeof maintenanceFrontmatter>;
