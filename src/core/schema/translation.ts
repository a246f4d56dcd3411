import * as z from 'zod';

/**
 * Frontmatter of a translation, `incidents/<id>.<lang>.md` or `<id>.postmortem.<lang>.md`: the title
 * in that language. Everything else (components, impact, times) is the entry's own, in `<id>.md`.
 */
export const translationFrontmatter = z.strictObject({
  title: z.string().trim().min(1, 'empty; write the title in this language, or remove the field').optional(),
});
