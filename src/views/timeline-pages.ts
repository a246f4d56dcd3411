import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import type { Update } from '../core/model.ts';

// No page of the site is over 50 KB compressed (scripts/lib/measure.ts), however many or long an
// entry's updates: a file of 300 KB holds a thousand of them. An entry's timeline is cut into pages by
// what its updates weigh compressed, and the post-mortem's page shows what fits beside its text.

/**
 * Compressed bytes of updates on one page, at most, each counted compressed alone (which a page of
 * them beats, their words repeating): with the page around them, under the budget. Some 150 updates of
 * a few lines each fit, three days of them every half hour.
 */
export const TIMELINE_PAGE_BYTES = 36_000;
/** Compressed bytes of a post-mortem's page for its text, the entry's facts and its timeline together. */
const POSTMORTEM_PAGE_BYTES = 44_000;
/** The markup around each update's text (its heading, time and link), compressed among the others'. */
const ITEM_BYTES = 60;

/**
 * Below this many bytes an update's text is counted as it is: compressed alone it would be little
 * smaller, and compressing costs some 40 µs (an incident of 6,000 one-line updates in three languages
 * spent 0.75 s of its build compressing them).
 */
const SHORT_BYTES = 200;

const weights = new WeakMap<Update, number>();
/** What an update weighs on a page, compressed, with its markup. */
function weight(u: Update): number {
  let w = weights.get(u);
  if (w === undefined) {
    const bytes = Buffer.byteLength(u.html);
    weights.set(u, (w = (bytes < SHORT_BYTES ? bytes : compressedBytes(u.html)) + ITEM_BYTES));
  }
  return w;
}

/** Bytes of `html` compressed as a host serves it. */
function compressedBytes(html: string): number {
  return gzipSync(html).length;
}

/** Whether `updates` fit in `budget` bytes compressed, without compressing them when their text alone fits. */
function fits(updates: readonly Update[], budget: number): boolean {
  let raw = 0;
  for (const u of updates) raw += Buffer.byteLength(u.html) + ITEM_BYTES;
  return raw <= budget;
}

/**
 * An entry's posted updates (newest first) cut into the pages of its timeline: the first on the
 * entry's page, the others at `/incidents/<id>/updates/<n>/`. Each holds what fits in
 * TIMELINE_PAGE_BYTES compressed (at least one update; one is at most 20,000 characters): one page
 * unless the updates are very many or long.
 */
export function timelinePages(updates: readonly Update[]): (readonly Update[])[] {
  if (fits(updates, TIMELINE_PAGE_BYTES)) return [updates];
  const pages: Update[][] = [];
  let page: Update[] = [];
  let bytes = 0;
  for (const u of updates) {
    if (page.length > 0 && bytes + weight(u) > TIMELINE_PAGE_BYTES) {
      pages.push(page);
      page = [];
      bytes = 0;
    }
    page.push(u);
    bytes += weight(u);
  }
  pages.push(page);
  return pages;
}

/** The newest of an entry's posted updates that fit on its post-mortem's page beside `beside` (the post-mortem's text and the entry's facts). */
export function postmortemTimeline(updates: readonly Update[], beside: string): readonly Update[] {
  if (fits(updates, POSTMORTEM_PAGE_BYTES - Buffer.byteLength(beside))) return updates;
  let left = POSTMORTEM_PAGE_BYTES - compressedBytes(beside);
  let shown = 0;
  while (shown < updates.length && (left -= weight(updates[shown]!)) >= 0) shown++;
  return updates.slice(0, shown);
}
