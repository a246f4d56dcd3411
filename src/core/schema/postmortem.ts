import * as z from 'zod';
import { timeField } from './time.ts';

/** Frontmatter of `incidents/<id>.postmortem.md`. */
export const postmortemFrontmatter = z.strictObject({
  /** Absent while the post-mortem is a draft: `candor postmortem` writes it without, the author sets it to publish. */
  published: timeField.optional(),
  title: z.string().trim().min(1, 'empty; write a title, or remove the field').optional(),
  draft: z.boolean().default(false),
});
export type PostmortemFrontmatter = z.output<typeof postmortemFrontmatter>;

/** Sections a good post-mortem has; the check warns when one is missing. */
export const RECOMMENDED_SECTIONS = ['Summary', 'Impact', 'Root cause', 'Resolution', 'Prevention'] as const;
