import { join } from 'node:path';
import { badgeSvg, componentBadge, shieldsEndpoint } from '../views/badge.ts';
import { FEED_TYPES, feedText } from '../views/feed.ts';
import { paths } from '../views/urls.ts';
import type { Site } from './site.ts';
import type { FileWriter } from './write-files.ts';

// Each component's feeds, badge and shields endpoint: a build writes them directly once its pages
// are done, rather than as some sixty routes each costing a route's whole render; a dev server serves
// them from their routes.

/** A file in a component's folder (`/components/<id>/<file>`), with its media type; its text made when asked. */
export interface ComponentFile {
  id: string;
  file: string;
  type: string;
  text(): string;
}

/**
 * Each component's RSS and Atom feed in the site's language, and, in its first language only (badges
 * are the same in every language, at the site's top), its badge and shields.io endpoint.
 */
export function* componentFiles(site: Site): Generator<ComponentFile> {
  for (const { id, name } of site.config.components) {
    for (const kind of ['rss', 'atom'] as const) yield { id, file: `history.${kind}`, type: FEED_TYPES[kind], text: () => feedText(kind, site, id) };
    if (site.lang !== undefined) continue;
    const badge = () => componentBadge(name, site.board.statuses.get(id) ?? 'operational', site.t);
    yield { id, file: 'badge.svg', type: 'image/svg+xml', text: () => badgeSvg(badge()) };
    yield { id, file: 'shields.json', type: 'application/json', text: () => JSON.stringify(shieldsEndpoint(badge())) };
  }
}

/** A dev server's static paths of one of each component's files (`badge.svg`), with its text and media type for the route. */
export function componentFilePaths(site: Site, file: string): { params: { id: string }; props: { text: string; type: string } }[] {
  return [...componentFiles(site)].filter((f) => f.file === file).map(({ id, text, type }) => ({ params: { id }, props: { text: text(), type } }));
}

/** Writes the component files of each language's site, the default language's at the top and the others' under their code, as their pages. */
export function writeComponentFiles(files: FileWriter, sites: readonly Site[]): void {
  for (const site of sites) for (const { id, file, text } of componentFiles(site)) files.write(join(site.lang ?? '', paths.component(id), file), text());
}
