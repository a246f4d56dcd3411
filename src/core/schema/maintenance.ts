import * as z from 'zod';
import { MAINTENANCE_COMPONENT_STATUSES } from '../status.ts';
import { maintenanceComponentStatus } from './status.ts';
import { ownersField, timeField, titleField } from './time.ts';

/** Frontmatter of planned maintenance: an incident file with a `scheduled_for` window. */
export const maintenanceFrontmatter = z.strictObject({
  title: titleField,
  scheduled_for: timeField,
  scheduled_until: timeField,
  /** A list puts each component under maintenance; a map names a harsher status per component. */
  components: z
    .union([z.array(z.string()), z.record(z.string(), maintenanceComponentStatus)], {
      error: `not a list of component ids, nor a map of component ids to statuses; write "- api" lines, or "api: <status>" lines with one of ${MAINTENANCE_COMPONENT_STATUSES.join(', ')}`,
    })
    .default([]),
  /** Who communicates: GitHub handles or a team; default `communication.owners`. */
  owner: ownersField.optional(),
  draft: z.boolean().default(false),
});
export type MaintenanceFrontmatter = z.output<typeof maintenanceFrontmatter>;
