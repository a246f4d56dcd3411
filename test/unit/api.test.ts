import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadProject } from '../../src/core/load.ts';
import { componentStatuses } from '../../src/core/rules/status.ts';
import { statusIntervals } from '../../src/core/rules/uptime.ts';
import { apiDocuments, apiEntryDocuments, type ApiIncident } from '../../src/views/api.ts';
import { makeProject } from '../helpers/project.ts';
import { capture, expectStatuspageShape } from '../helpers/statuspage.ts';

const CONFIG = `site:
  name: Example
  url: https://status.example.com
  base: /status
components:
  - id: api
    name: API
    group: core
    description: The public API
  - id: web
    name: Website
    group: core
  - id: db
    name: Database
groups:
  - id: core
    name: Core
`;

function documents(files: Record<string, string>, nowIso: string) {
  const now = new Date(nowIso);
  const { project, problems } = loadProject(makeProject(files, CONFIG), now);
  expect(problems.errors).toEqual([]);
  const { config, entries } = project!;
  const intervals = statusIntervals(entries, new Date(now.getTime() - 90 * 86_400_000), now);
  const ctx = { config, base: config.site.base, entries, now, statuses: componentStatuses(entries, config, now), intervals };
  return { ...apiDocuments(ctx), ...Object.fromEntries(apiEntryDocuments(ctx)) } as Record<string, any>;
}

const resolved = `---\ntitle: Slow API\ncomponents:\n  api: degraded_performance\n---\n\n## Resolved — 2026-11-20 11:00 UTC\nFixed.\n\n## Investigating — 2026-11-20 10:00 UTC\nSlow.\n`;
const outage = `---\ntitle: API and website down\ncomponents:\n  api: major_outage\n  web: partial_outage\n---\n\n## Update — 2026-11-24 11:40 UTC\nStill working on it. <script>alert(1)</script>\n\n## Identified — 2026-11-24 11:20 UTC\nA bad deploy.\n\n## Investigating — 2026-11-24 11:00 UTC\nThe API is down.\n`;
const maintenance = `---\ntitle: Database upgrade\nscheduled_for: 2026-11-24T11:00Z\nscheduled_until: 2026-11-24T13:00Z\ncomponents: [db]\n---\n\n## Scheduled — 2026-11-10 09:00 UTC\nWe will upgrade the database.\n`;
const later = `---\ntitle: Network work\nscheduled_for: 2026-12-02T01:00Z\nscheduled_until: 2026-12-02T02:00Z\ncomponents: [web]\n---\n\n## Scheduled — 2026-11-20 09:00 UTC\nWe will change routers.\n`;

describe('the Statuspage API v2', () => {
  it('an all-clear page has every key of githubstatus on an all-clear day', () => {
    const docs = documents({ 'incidents/2026-11-20-slow-api.md': resolved }, '2026-11-24T12:00Z');
    const summary = docs['summary'];
    expectStatuspageShape(summary, capture('summary-all-clear.json'));
    expect(summary.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(summary.page).toEqual({ id: 'status.example.com', name: 'Example', url: 'https://status.example.com/status/', time_zone: 'UTC', updated_at: '2026-11-24T12:00:00.000Z' });
    expect(summary.components.map((c: any) => [c.id, c.group, c.group_id, c.status, c.position])).toEqual([
      ['core', true, null, 'operational', 1],
      ['api', false, 'core', 'operational', 2],
      ['web', false, 'core', 'operational', 3],
      ['db', false, null, 'operational', 4],
    ]);
    expect(summary.components[0].components).toEqual(['api', 'web']);
    expect(summary.components[1].updated_at).toBe('2026-11-20T11:00:00.000Z');
    expect(summary.incidents).toEqual([]);
    expect(summary.scheduled_maintenances).toEqual([]);
    expect(docs['incidents'].incidents.map((i: ApiIncident) => [i.id, i.status, i.resolved_at])).toEqual([['2026-11-20-slow-api', 'resolved', '2026-11-20T11:00:00.000Z']]);
  });

  it('an ongoing major outage has every key of githubstatus during an outage, and the same values as the page', () => {
    const docs = documents({ 'incidents/2026-11-24-down.md': outage, 'incidents/2026-11-20-slow-api.md': resolved }, '2026-11-24T12:00Z');
    const summary = docs['summary'];
    expectStatuspageShape(summary, capture('summary-major-outage.json'));
    expect(summary.status).toEqual({ indicator: 'critical', description: 'Major Service Outage' });
    expect(summary.components.map((c: any) => [c.id, c.status])).toEqual([
      ['core', 'major_outage'],
      ['api', 'major_outage'],
      ['web', 'partial_outage'],
      ['db', 'operational'],
    ]);
    const [incident] = summary.incidents as ApiIncident[];
    expect(incident).toMatchObject({
      id: '2026-11-24-down',
      name: 'API and website down',
      status: 'identified',
      impact: 'critical',
      shortlink: 'https://status.example.com/status/incidents/2026-11-24-down/',
      started_at: '2026-11-24T11:00:00.000Z',
      created_at: '2026-11-24T11:00:00.000Z',
      updated_at: '2026-11-24T11:40:00.000Z',
      resolved_at: null,
      monitoring_at: null,
    });
    expect(incident!.incident_updates.map((u) => [u.status, u.body, u.display_at])).toEqual([
      ['identified', 'Still working on it. alert(1)', '2026-11-24T11:40:00.000Z'],
      ['identified', 'A bad deploy.', '2026-11-24T11:20:00.000Z'],
      ['investigating', 'The API is down.', '2026-11-24T11:00:00.000Z'],
    ]);
    expect(incident!.incident_updates[2]!.affected_components).toEqual([
      { code: 'api', name: 'API', old_status: 'operational', new_status: 'major_outage' },
      { code: 'web', name: 'Website', old_status: 'operational', new_status: 'partial_outage' },
    ]);
    expect(incident!.components.map((c) => c.id)).toEqual(['api', 'web']);
    expect(docs['incidents/unresolved'].incidents.map((i: ApiIncident) => i.id)).toEqual(['2026-11-24-down']);
    expect(docs['status']).toEqual({ page: summary.page, status: summary.status });
    expect(docs['incidents/2026-11-24-down'].incident).toEqual(incident);
  });

  it("gives each update the status in force when it was posted, a maintenance's from its window and its updates", () => {
    const window = `---\ntitle: DB upgrade\nscheduled_for: 2026-11-24T02:00Z\nscheduled_until: 2026-11-24T04:00Z\ncomponents: [db]\n---\n\n## Completed — 2026-11-24 03:30 UTC\nDone.\n\n## Update — 2026-11-24 03:00 UTC\nHalfway.\n\n## In progress — 2026-11-24 02:00 UTC\nStarted.\n\n## Update — 2026-11-23 09:00 UTC\nStill on.\n\n## Scheduled — 2026-11-20 09:00 UTC\nPlanned.\n`;
    const docs = documents({ 'incidents/2026-11-24-db.md': window }, '2026-11-24T12:00Z');
    const m = docs['incidents/2026-11-24-db'].incident as ApiIncident;
    expect(m.incident_updates.map((u) => [u.display_at.slice(0, 16), u.status])).toEqual([
      ['2026-11-24T03:30', 'completed'],
      ['2026-11-24T03:00', 'in_progress'],
      ['2026-11-24T02:00', 'in_progress'],
      ['2026-11-23T09:00', 'scheduled'],
      ['2026-11-20T09:00', 'scheduled'],
    ]);
  });

  it('maintenance in progress shows as maintenance, with its window', () => {
    const docs = documents({ 'incidents/2026-11-24-db.md': maintenance, 'incidents/2026-12-02-net.md': later }, '2026-11-24T12:00Z');
    const summary = docs['summary'];
    expect(summary.status).toEqual({ indicator: 'maintenance', description: 'Service Under Maintenance' });
    expect(summary.components.find((c: any) => c.id === 'db').status).toBe('under_maintenance');
    expect(summary.scheduled_maintenances.map((m: ApiIncident) => [m.id, m.status, m.impact, m.scheduled_for, m.scheduled_until])).toEqual([
      ['2026-11-24-db', 'in_progress', 'maintenance', '2026-11-24T11:00:00.000Z', '2026-11-24T13:00:00.000Z'],
      ['2026-12-02-net', 'scheduled', 'maintenance', '2026-12-02T01:00:00.000Z', '2026-12-02T02:00:00.000Z'],
    ]);
    expect(docs['scheduled-maintenances/active'].scheduled_maintenances.map((m: ApiIncident) => m.id)).toEqual(['2026-11-24-db']);
    expect(docs['scheduled-maintenances/upcoming'].scheduled_maintenances.map((m: ApiIncident) => m.id)).toEqual(['2026-12-02-net']);
    expect(docs['scheduled-maintenances'].scheduled_maintenances.map((m: ApiIncident) => m.id)).toEqual(['2026-12-02-net', '2026-11-24-db']);
    const incidentShape = (capture('summary-major-outage.json') as any).incidents[0];
    for (const m of summary.scheduled_maintenances) expectStatuspageShape(m, incidentShape);
    expect(docs['incidents'].incidents).toEqual([]);
  });

  it('uses only Statuspage value sets', () => {
    const docs = documents({ 'incidents/2026-11-24-down.md': outage, 'incidents/2026-11-24-db.md': maintenance, 'incidents/2026-11-20-slow-api.md': resolved }, '2026-11-24T12:00Z');
    const values = (path: string) => [...JSON.stringify(docs).matchAll(new RegExp(`"${path}":"([^"]*)"`, 'g'))].map((m) => m[1]);
    const sets: Record<string, string[]> = {
      indicator: ['none', 'minor', 'major', 'critical', 'maintenance'],
      impact: ['none', 'minor', 'major', 'critical', 'maintenance'],
      new_status: ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'],
    };
    for (const [key, allowed] of Object.entries(sets)) for (const v of values(key)) expect(allowed).toContain(v);
    const statuses = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance', 'investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'in_progress', 'verifying', 'completed'];
    for (const v of values('status')) expect(statuses).toContain(v);
  });
});

describe('the built site\'s /api/v2/ files', () => {
  const dist = inject('fixtureSite');
  const built = (path: string) => JSON.parse(readFileSync(join(dist, 'api', 'v2', path), 'utf8')) as Record<string, any>;
  /** githubstatus during an outage; each endpoint answers its part of the summary. */
  const outage = capture('summary-major-outage.json') as Record<string, unknown>;
  const part = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, outage[k]]));

  it.each([
    ['summary.json', Object.keys(outage)],
    ['status.json', ['page', 'status']],
    ['components.json', ['page', 'components']],
    ['incidents/unresolved.json', ['page', 'incidents']],
    ['scheduled-maintenances.json', ['page', 'scheduled_maintenances']],
  ])('%s has every key of githubstatus during an outage, with the same JSON type', (file, keys) => {
    expect(keys.length).toBeGreaterThan(1);
    expectStatuspageShape(built(file), part(...keys));
  });

  it('lists what the fixture site has going on, so that the comparison covers every nested key', () => {
    expect(built('incidents/unresolved.json')['incidents'].length).toBeGreaterThan(0);
    expect(built('components.json')['components'].length).toBeGreaterThan(0);
    // githubstatus had no maintenance that day: each of ours has every key of its incident, and its window.
    const maintenance = built('scheduled-maintenances.json')['scheduled_maintenances'] as Record<string, unknown>[];
    expect(maintenance.length).toBeGreaterThan(0);
    const incident = (outage['incidents'] as unknown[])[0];
    for (const m of maintenance) {
      expectStatuspageShape(m, incident);
      expect([typeof m['scheduled_for'], typeof m['scheduled_until']]).toEqual(['string', 'string']);
    }
  });
});
