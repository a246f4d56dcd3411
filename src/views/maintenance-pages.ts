import type { Entry, Maintenance } from '../core/model.ts';
import { isActiveMaintenance, maintenanceStatus } from '../core/rules/maintenance.ts';
import { CARD_BODY } from './entry-card.ts';
import { fitting } from './lists.ts';

/**
 * Windows shown in full in each section of the first page, and compact lines (some 40 bytes gzip
 * each with titles of their own, a card ten times that) on each page: past windows beyond the cards
 * are in the history; those in progress or upcoming beyond a page's lines continue on the next page,
 * so that no page grows with the number of windows.
 */
export const MAINTENANCE_LIMITS = { cards: 25, lines: 400 };
/**
 * Characters of titles (and, on cards, of the latest update) a section's cards and a page's lines show
 * at most (src/views/lists.ts): windows whose titles ran to 100 to 160 characters made a maintenance
 * page of 61 KB with the counts above alone.
 */
export const MAINTENANCE_TEXT_CHARS = { cards: 25 * 350, lines: 400 * 50 };

/** One section of a maintenance page: in progress or upcoming. */
export interface MaintenanceSection {
  id: 'in-progress' | 'upcoming';
  /** The section's windows in full (first page only). */
  cards: Maintenance[];
  lines: Maintenance[];
  /** Windows of the section listed on the pages after this one. */
  later: number;
  /** The page where the section goes on, when `later`: the next one, or a further one when the other section fills those between. */
  laterPage?: number;
}

export interface MaintenancePage {
  /** 1 for /maintenance/. */
  page: number;
  pages: number;
  /** In progress, then upcoming: each on the first page, and on a later page if it lists some of its windows. */
  sections: MaintenanceSection[];
  /** The latest past windows (first page only). */
  past: Maintenance[];
}

/**
 * The maintenance pages of a site at `now`: windows in progress (latest begun first) and upcoming
 * (soonest first), each section's first windows as cards, then all the others as lines, a page's
 * worth at a time; and the latest past windows. `entries` are in the history's order.
 */
export function maintenancePages(entries: readonly Entry[], now: Date): MaintenancePage[] {
  const { cards, lines } = MAINTENANCE_LIMITS;
  const windows = entries.filter((e): e is Maintenance => e.kind === 'maintenance');
  const inProgress: Maintenance[] = [];
  const upcoming: Maintenance[] = [];
  const past: Maintenance[] = [];
  // In progress as the home page and the status rules count it (activeEntries), so that its "more on the maintenance page" holds.
  for (const m of windows) (isActiveMaintenance(m, now) ? inProgress : maintenanceStatus(m, now) === 'scheduled' ? upcoming : past).push(m);
  upcoming.reverse();
  const all = [
    { id: 'in-progress' as const, windows: inProgress },
    { id: 'upcoming' as const, windows: upcoming },
  ];
  // A card shows the title and the latest update (at most CARD_BODY's characters of it).
  const cardText = (m: Maintenance) => m.title + (m.updates.find((u) => u.at <= now)?.html.slice(0, CARD_BODY.htmlChars) ?? '');
  const cardsOf = (w: readonly Maintenance[]) => w.slice(0, fitting(w, cards, MAINTENANCE_TEXT_CHARS.cards, cardText));
  // The lines of both sections, one after the other, cut into pages.
  const rest = all.flatMap((s) => s.windows.slice(cardsOf(s.windows).length).map((m) => ({ id: s.id, m })));
  const starts = [0];
  while (starts.at(-1)! < rest.length) starts.push(starts.at(-1)! + fitting(rest.slice(starts.at(-1)!), lines, MAINTENANCE_TEXT_CHARS.lines, (l) => l.m.title));
  const pages = Math.max(1, starts.length - 1);
  const pageOf = (line: number) => starts.findIndex((start) => start > line);
  return Array.from({ length: pages }, (_, k) => {
    const afterPage = starts[k + 1] ?? rest.length;
    const onPage = rest.slice(starts[k] ?? 0, afterPage);
    const after = rest.slice(afterPage);
    const sections = all
      .map(({ id, windows: w }): MaintenanceSection => {
        const next = after.findIndex((l) => l.id === id);
        return {
          id,
          cards: k === 0 ? cardsOf(w) : [],
          lines: onPage.filter((l) => l.id === id).map((l) => l.m),
          later: after.filter((l) => l.id === id).length,
          ...(next === -1 ? {} : { laterPage: pageOf(afterPage + next) }),
        };
      })
      .filter((s) => k === 0 || s.lines.length > 0);
    return { page: k + 1, pages, sections, past: k === 0 ? cardsOf(past) : [] };
  });
}
