import type { ParsedProject } from '../core/load.ts';

// The configuration and the pages are loaded as separate module copies in one process: the
// parse started while configuring reaches the pages through a global slot.
const SLOT = Symbol.for('candor.parse-ahead');
interface Slot {
  root: string;
  parsed: Promise<ParsedProject>;
}
const slots = globalThis as typeof globalThis & { [SLOT]?: Slot };

export function handOver(root: string, parsed: Promise<ParsedProject>): void {
  // A build that fails before its pages ask is not left with an unhandled rejection; the pages still see it.
  parsed.catch(() => {});
  slots[SLOT] = { root, parsed };
}

/** The parse started for `root`, once: undefined when none was (tests, a dev server). */
export function takeOver(root: string): Promise<ParsedProject> | undefined {
  const slot = slots[SLOT];
  if (slot?.root !== root) return undefined;
  delete slots[SLOT];
  return slot.parsed;
}
