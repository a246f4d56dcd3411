import type { LoadResult } from '../core/assemble.ts';
import { buildEnv } from '../env.ts';
import type { Site } from './site.ts';

// The configuration and the pages are loaded as separate module copies in one process: the project,
// loaded by the configuration's copy (a build's parse starts while Astro configures), and the site
// made from it are shared through a global slot, so that every copy sees one and the same site, made
// by whichever asks first. The pages never load the parser, the validation or their packages.
const BUILD = Symbol.for('candor.build');

export interface BuildSlot {
  root: string;
  /** A build, which writes many files itself (see buildWritesFiles), or a dev server, which serves them from routes. */
  build: boolean;
  /** The moment the site shows: one for a whole build. */
  readonly now: Date;
  /** Whether drafts are shown. */
  drafts: boolean;
  /** The project, loaded and checked, its warnings printed: asked for when the pages first need it. */
  loaded(): Promise<LoadResult>;
  site?: Promise<Site>;
  /** The site in each other language, made once for all the pages. */
  languages?: Map<string, Promise<Site>>;
  /**
   * Writes the files a build writes directly (entry pages, src/lib/entry-pages.ts, whose frames it
   * removes; the feeds, calendars, API documents and badges, src/lib/site-files.ts) under a folder
   * from the pages' own sites. Set by the pages' code (src/lib/site.ts) when they
   * first ask for the site, for the build's hooks.
   */
  writeFiles?: (dir: string) => Promise<number>;
  /** Ends the thread `writeFiles` writes with unless it has been given files: another build starts, or none is made any more. */
  stopWriting?: () => Promise<void>;
  /**
   * The pages `writeFiles` wrote (every entry's but those Astro rendered, src/lib/entry-pages.ts) and the
   * frames it removed, as Astro lists its pages: for the sitemap.
   */
  pages?: { written: string[]; frames: string[] };
}

const slots = globalThis as typeof globalThis & { [BUILD]?: BuildSlot };

/** Called as Astro is configured, by a build or a dev server, with how its project is loaded. */
export function startBuild(slot: Pick<BuildSlot, 'root' | 'build' | 'now' | 'drafts' | 'loaded'>): void {
  void slots[BUILD]?.stopWriting?.();
  slots[BUILD] = slot;
}

/** The build or dev server started for `root` in this thread, if any. */
export function buildFor(root: string): BuildSlot | undefined {
  const slot = slots[BUILD];
  return slot?.root === root ? slot : undefined;
}

/**
 * Whether these pages are a build's, which writes the pages of entries itself once its pages are done
 * (all but those Astro rendered); a dev server renders each of them.
 * (Not `import.meta.env.DEV`, which a build run with NODE_ENV=development or test has too.)
 */
export const buildWritesFiles = (): boolean => buildFor(buildEnv.root)?.build === true;
