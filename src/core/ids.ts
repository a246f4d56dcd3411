/** Ids of incidents, components and groups: lowercase letters, digits and hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Incident ids that would take the place of an API document (`/api/v2/incidents/unresolved.json`). */
export const RESERVED_IDS: readonly string[] = ['unresolved'];

/** A valid id close to what was written: "API Outage" → "api-outage". */
export function suggestId(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || '2026-11-20-api-errors';
}
