import { getCollection } from 'astro:content';
import { isSnapshot } from '../core/config.ts';
import { loadConfig, newestFirst } from '../core/load.ts';
import type { Entry } from '../core/model.ts';
import { CandorContentError, Problems } from '../core/problems.ts';
import type { Config } from '../core/schema/config.ts';
import { buildEnv } from '../env.ts';
import type { Clock } from '../views/format.ts';
import { type StatusBoard, statusBoard } from '../views/home.ts';
import { type LiveState, liveStates } from '../views/live.ts';

export interface Site {
  config: Config;
  /** Published incidents and maintenance, newest first. */
  entries: Entry[];
  now: Date;
  base: string;
  clock: Clock;
  /** Entry id → title, for links from uptime days. */
  titles: Map<string, string>;
  /** Status and uptime of every component and group at `now`, computed once per build. */
  board: StatusBoard;
  /** The states pages move through as maintenance windows open and close before the next build. */
  live: LiveState[];
}

let cached: Promise<Site> | undefined;

/** The site's data for pages: the loader's entries, the validated configuration and the build clock. */
export function getSite(): Promise<Site> {
  cached ??= (async () => {
    const problems = new Problems();
    const config = loadConfig(buildEnv.root, problems);
    if (!config) throw new CandorContentError(problems.errors);
    const entries = (await getCollection('entries')).map((e) => e.data as unknown as Entry);
    entries.sort(newestFirst);
    return {
      config,
      entries,
      now: buildEnv.now,
      base: config.site.base,
      clock: { timeZone: config.site.time_zone, locale: config.site.locale },
      titles: new Map(entries.map((e) => [e.id, e.title])),
      board: statusBoard(entries, config, buildEnv.now),
      // A snapshot (`site.as_of`) stays at its moment in the visitor's browser too.
      live: isSnapshot(config, buildEnv.now) ? [] : liveStates(entries, config, buildEnv.now),
    };
  })();
  return cached;
}

/** One static path per component, with the component as a prop: for /components/<id>/… routes. */
export async function componentPaths() {
  return (await getSite()).config.components.map((component) => ({ params: { id: component.id }, props: { component } }));
}
