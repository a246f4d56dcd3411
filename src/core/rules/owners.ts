import type { Entry } from '../model.ts';
import type { Config } from '../schema/config.ts';

/** Who communicates for an entry: its `owner:`, else the configured `communication.owners`. */
export function ownersOf(entry: Entry, config: Config): string[] {
  return entry.owners.length ? entry.owners : config.communication.owners;
}
