import { getCollection } from 'astro:content';
import { loadConfig, startOf } from '../core/load.ts';
import type { Entry } from '../core/model.ts';
import { CandorContentError, Problems } from '../core/problems.ts';
import type { Config } from '../core/schema/config.ts';
import { buildEnv } from '../env.ts';

export interface Site {
  config: Config;
  /** Published incidents and maintenance, newest first. */
  entries: Entry[];
  now: Date;
}

let cached: Promise<Site> | undefined;

/** The site's data for pages: the loader's entries, the validated configuration and the build clock. */
export function getSite(): Promise<Site> {
  cached ??= (async () => {
    const problems = new Problems();
    const config = loadConfig(buildEnv.root, problems);
    if (!config) throw new CandorContentError(problems.errors);
    const entries = (await getCollection('entries')).map((e) => e.data as unknown as Entry);
    entries.sort((a, b) => startOf(b).getTime() - startOf(a).getTime());
    return { config, entries, now: buildEnv.now };
  })();
  return cached;
}
