import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadProject } from '../../src/core/load.ts';
import { parseEntry } from '../../src/core/parse.ts';
import { Problems } from '../../src/core/problems.ts';
import type { Config } from '../../src/core/schema/config.ts';
import { configSchema } from '../../src/core/schema/config.ts';
import type { Entry, Incident, Maintenance } from '../../src/core/model.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The configuration of the small test fixtures: five components, two groups. */
export const FIXTURE_CONFIG = `site:
  name: Example
  url: https://status.example.com
components:
  - id: api
    name: API
    group: core
  - id: web
    name: Website
    group: core
  - id: database
    name: Database
    group: data
  - id: search
    name: Search
    group: data
  - id: email
    name: Email
groups:
  - id: core
    name: Core
  - id: data
    name: Data
`;

export const config: Config = configSchema.parse({
  site: { name: 'Example', url: 'https://status.example.com' },
  components: [
    { id: 'api', name: 'API', group: 'core' },
    { id: 'web', name: 'Website', group: 'core' },
    { id: 'database', name: 'Database', group: 'data' },
    { id: 'search', name: 'Search', group: 'data' },
    { id: 'email', name: 'Email' },
  ],
  groups: [
    { id: 'core', name: 'Core' },
    { id: 'data', name: 'Data' },
  ],
});

/** A project folder in the system temp dir with the given files (paths relative to the project). */
export function makeProject(files: Record<string, string | Uint8Array>, configText: string | null = FIXTURE_CONFIG): string {
  const root = mkdtempSync(join(tmpdir(), 'candor-'));
  if (configText !== null) writeFileSync(join(root, 'candor.config.yaml'), configText);
  mkdirSync(join(root, 'incidents'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function load(files: Record<string, string | Uint8Array>, now = new Date('2026-11-24T12:00:00Z'), configText: string | null = FIXTURE_CONFIG) {
  return loadProject(makeProject(files, configText), now);
}

/** Parses one file's text against the fixture configuration. */
export function parse(text: string, id = 'test-incident'): { entry: Entry | undefined; problems: Problems } {
  const problems = new Problems();
  const entry = parseEntry({ file: `incidents/${id}.md`, id, text }, { componentIds: config.components.map((c) => c.id) }, problems);
  return { entry, problems };
}

export function incident(text: string): Incident {
  const { entry, problems } = parse(text);
  if (!entry || entry.kind !== 'incident') throw new Error(`not an incident: ${JSON.stringify(problems.list)}`);
  return entry;
}

export function maintenance(text: string): Maintenance {
  const { entry, problems } = parse(text);
  if (!entry || entry.kind !== 'maintenance') throw new Error(`not maintenance: ${JSON.stringify(problems.list)}`);
  return entry;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export const t = (iso: string) => new Date(iso);
