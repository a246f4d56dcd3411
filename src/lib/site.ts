import { isSnapshot } from '../core/config.ts';
import { assembleParsed, type LoadResult, type ParsedProject } from '../core/assemble.ts';
import { publishedEntry } from '../core/entries.ts';
import type { Entry } from '../core/model.ts';
import { CandorContentError, formatProblem } from '../core/problems.ts';
import type { Config } from '../core/schema/config.ts';
import { buildEnv } from '../env.ts';
import { type Translator, translator } from '../i18n/translate.ts';
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
  /** The interface text of the site's default language (the first of `site.languages`). */
  t: Translator;
}

// The configuration and the pages are loaded as separate module copies in one process: a build's
// parse, started while configuring, and the site made from it are shared through a global slot, so
// that the pages and the build's last step (src/integrations/site-build.ts) see one and the same site.
const BUILD = Symbol.for('candor.build');
interface BuildSlot {
  root: string;
  parsed: Promise<ParsedProject>;
  site?: Promise<Site>;
}
const slots = globalThis as typeof globalThis & { [BUILD]?: BuildSlot };

/** Called as a build is configured, with the parse it started (on worker threads). */
export function startBuild(root: string, parsed: Promise<ParsedProject>): void {
  // A build that fails before its pages ask is not left with an unhandled rejection; the pages still see it.
  parsed.catch(() => {});
  slots[BUILD] = { root, parsed };
}

let cached: Promise<Site> | undefined;

/**
 * The site's data for pages, read once per build straight from the core (the same parser and rules
 * as the check): the published entries, the validated configuration and the build clock. Any error
 * fails the build with the check's messages: bad input never produces a site. Without a build
 * started (a dev server), the files are parsed here.
 */
export function getSite(): Promise<Site> {
  const slot = slots[BUILD];
  if (slot?.root === buildEnv.root) return (slot.site ??= slot.parsed.then((parsed) => siteOf(assembleParsed(buildEnv.root, buildEnv.now, parsed))));
  // Imported here only: a build's pages never load the parser.
  return (cached ??= import('../core/load.ts').then(({ loadProject }) => siteOf(loadProject(buildEnv.root, buildEnv.now))));
}

function siteOf({ project, problems }: LoadResult): Site {
  if (!project) throw new CandorContentError(problems.errors);
  for (const w of problems.warnings) console.warn(formatProblem(w));
  const { config } = project;
  // Newest first, as loading gives them.
  const t = translator(config.site.languages[0]!);
  const entries = project.entries.map((e) => publishedEntry(e, buildEnv.now, buildEnv.drafts)).filter((e): e is Entry => e !== undefined);
  return {
    config,
    entries,
    now: buildEnv.now,
    base: config.site.base,
    clock: { timeZone: config.site.time_zone, locale: config.site.locale },
    titles: new Map(entries.map((e) => [e.id, e.title])),
    board: statusBoard(entries, config, buildEnv.now),
    // A snapshot (`site.as_of`) stays at its moment in the visitor's browser too.
    live: isSnapshot(config, buildEnv.now) ? [] : liveStates(entries, config, buildEnv.now, t),
    t,
  };
}

/** One static path per component, with the component as a prop: for /components/<id>/… routes. */
export async function componentPaths() {
  return (await getSite()).config.components.map((component) => ({ params: { id: component.id }, props: { component } }));
}
