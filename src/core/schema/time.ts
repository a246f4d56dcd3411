import { z } from 'zod';
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
