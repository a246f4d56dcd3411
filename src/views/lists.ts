// A list of titles stays within its page's budget however long the titles are (a title may hold 200
// characters): each list shows at most so many items, and no more than so many characters of titles
// together, so that titles of many words make fewer lines. Titles of 50 characters or fewer make the
// full count.

/** How many of `items`, from the first, a list shows: at most `max`, and their titles at most `chars` characters together (at least one item). */
export function fitting<T>(items: readonly T[], max: number, chars: number, title: (item: T) => string): number {
  let n = 0;
  let used = 0;
  for (const item of items) {
    if (n >= max) break;
    used += title(item).length;
    if (used > chars && n > 0) break;
    n++;
  }
  return n;
}
