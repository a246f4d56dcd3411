import * as z from 'zod';
import { LIMITS } from '../limits.ts';
import { parseTime, TIME_FORMAT_HINT } from '../time.ts';

/** A frontmatter time: a string in the incident-file time format (YAML 1.2 keeps timestamps as strings). */
export const timeField = z.string().transform((v, ctx) => {
  const parsed = parseTime(v);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `${parsed.reason}; ${TIME_FORMAT_HINT}` });
    return z.NEVER;
  }
  return parsed.date;
});

/** A title customers read: one line, and short enough for a feed item or a chat message. */
export const titleField = z
  .string()
  .trim()
  .min(1, 'empty; write a one-line title for customers')
  .max(LIMITS.titleChars, `longer than ${LIMITS.titleChars} characters; keep the title short and put the detail in the first update`)
  .regex(/^[^\n]*$/, 'must be one line; write the title on a single line');

/** A GitHub user or team, as `@alice` or `@brightpay/oncall` ("@" may be left out). */
export const ownerHandle = z
  .string()
  .regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/, 'not a GitHub handle or team; write it like @alice or @brightpay/oncall')
  .transform((h) => (h.startsWith('@') ? h : `@${h}`));

/** Who communicates: one handle or a list. */
export const ownersField = z.union([ownerHandle.transform((h) => [h]), z.array(ownerHandle).min(1, 'empty; name at least one GitHub handle, such as @alice')]);
