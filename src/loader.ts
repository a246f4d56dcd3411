import type { Loader } from 'astro/loaders';
import { loadProject, publishedEntry } from './core/load.ts';
import { CandorContentError, formatProblem } from './core/problems.ts';

export interface CandorLoaderOptions {
  /** The project folder holding candor.config.yaml and incidents/. */
  root: string;
  now: Date;
  /** Keep `draft: true` entries (pull-request previews). */
  drafts: boolean;
}

/**
 * Loads every incident and maintenance through the same parser and rules as the check. Any error
 * fails the build with the check's messages: bad input never produces a site.
 */
export function candorLoader({ root, now, drafts }: CandorLoaderOptions): Loader {
  return {
    name: 'candor',
    load: async ({ store, logger, generateDigest }) => {
      const { project, problems } = loadProject(root, now);
      for (const w of problems.warnings) logger.warn(formatProblem(w));
      if (!project) throw new CandorContentError(problems.errors);
      store.clear();
      for (const entry of project.entries) {
        const published = publishedEntry(entry, now, drafts);
        if (!published) continue;
        const data = { ...published } as unknown as Record<string, unknown>;
        store.set({ id: entry.id, data, digest: generateDigest(JSON.stringify(entry)) });
      }
    },
  };
}
