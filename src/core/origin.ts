// Whether a URL in a page leaves the status site, judged as a browser resolves it (so "http:x",
// "//x" and "/<tab>/x" are all other sites).

const SITE = 'https://candor.invalid';

function resolve(url: string): URL | undefined {
  try {
    return new URL(url, `${SITE}/incidents/page/`);
  } catch {
    return undefined;
  }
}

/** A file of the status site itself: a relative or absolute path, never a scheme of its own. */
export function isSiteUrl(url: string): boolean {
  return resolve(url)?.origin === SITE;
}

/** A request the page would send to another site (http or https on another origin). */
export function isOtherSiteUrl(url: string): boolean {
  const u = resolve(url);
  return u !== undefined && u.origin !== SITE && (u.protocol === 'http:' || u.protocol === 'https:');
}
