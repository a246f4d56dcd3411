import { startOf } from '../core/entries.ts';
import type { Entry } from '../core/model.ts';
import { monthKey } from './format.ts';

/** Entries on one history page: small enough at any size of history. */
export const HISTORY_PAGE_SIZE = 25;

export interface MonthGroup<T> {
  /** `2026-11` in the configured zone. */
  key: string;
  /** The first entry's start, for formatting the month's name. */
  date: Date;
  items: T[];
}

/** Consecutive entries (already newest first) grouped by the month they began in. */
export function groupByMonth(entries: readonly Entry[], timeZone: string): MonthGroup<Entry>[] {
  const groups: MonthGroup<Entry>[] = [];
  for (const e of entries) {
    const key = monthKey(startOf(e), timeZone);
    const last = groups[groups.length - 1];
    if (last?.key === key) last.items.push(e);
    else groups.push({ key, date: startOf(e), items: [e] });
  }
  return groups;
}
