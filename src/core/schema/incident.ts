import * as z from 'zod';
import { impact, incidentComponentStatus } from './status.ts';
import { ownersField, timeField, titleField } from './time.ts';

/** Frontmatter of an incident file (`incidents/<id>.md` without `scheduled_for`). */
export const incidentFrontmatter = z.strictObject({
  title: titleField,
  /** Component id → status, or → { status, recovered } once it is back to normal while the incident goes on. */
  components: z.record(z.string(), z.union([incidentComponentStatus, z.strictObject({ status: incidentComponentStatus, recovered: timeField })])).default({}),
  impact: impact.optional(),
  started: timeField.optional(),
  next_update: timeField.optional(),
  /** Who communicates: GitHub handles or a team; default `communication.owners`. */
  owner: ownersField.optional(),
  draft: z.boolean().default(false),
});
export type IncidentFrontmatter = z.output<typeof incidentFrontmatter>;
