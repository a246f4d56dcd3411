import type { Entry } from './model.ts';
import { isPublished } from './rules/postmortem.ts';

/** The order of every list of entries: newest start first, then by id. */
export function newestFirst(a: Entry, b: Entry): number {
  return startOf(b).getTime() - startOf(a).getTime() || a.id.localeCompare(b.id);
}

/** When an entry begins: an incident's start, a maintenance's window. */
export function startOf(e: Entry): Date {
  return e.kind === 'incident' ? e.started : e.scheduledFor;
}

/**
 * What the published site shows of an entry: nothing for a draft, and its post-mortem only once
 * published (drafts of either appear in pull-request previews, with `drafts`).
 */
export function publishedEntry(entry: Entry, now: Date, drafts: boolean): Entry | undefined {
  if (entry.draft && !drafts) return undefined;
  const pm = entry.postmortem;
  if (pm && !isPublished(pm, now) && !(drafts && pm.draft)) {
    const { postmortem: _, ...rest } = entry;
    return rest as Entry;
  }
  return entry;
}
