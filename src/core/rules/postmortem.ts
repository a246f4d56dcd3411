import type { Postmortem } from '../model.ts';

export type PublishedPostmortem = Postmortem & { published: Date };

/** Customers see a post-mortem once it has a `published` time that has come, and is not a draft. */
export function isPublished(pm: Postmortem | undefined, now: Date): pm is PublishedPostmortem {
  return pm !== undefined && !pm.draft && pm.published !== undefined && pm.published <= now;
}
