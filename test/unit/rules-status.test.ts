import { describe, expect, it } from 'vitest';
import { componentStatuses, groupStatus, pageStatus } from '../../src/core/rules/status.ts';
import { makeIncident, makeMaintenance } from '../helpers/entries.ts';
import { config, t } from '../helpers/project.ts';

const at = t('2026-11-20T15:00Z');
const open = (components: Record<string, string>, extra: Record<string, string> = {}, id = 'i') =>
  makeIncident(components, [['Investigating', '2026-11-20 14:05 UTC']], extra, id);
const closed = (components: Record<string, string>) =>
  makeIncident(components, [['Resolved', '2026-11-20 14:30 UTC'], ['Investigating', '2026-11-20 14:05 UTC']], {}, 'closed');
const dbMaintenance = makeMaintenance(['2026-11-20T14:00Z', '2026-11-20T16:00Z'], ['database', 'search'], [['Scheduled', '2026-11-10 09:00 UTC']]);

describe('component, group and page status (SPEC: the rules)', () => {
  it('all operational with nothing open', () => {
    const s = componentStatuses([closed({ api: 'major_outage' })], config, at);
    expect([...s.values()]).toEqual(['operational', 'operational', 'operational', 'operational', 'operational']);
    expect(pageStatus([closed({ api: 'major_outage' })], config, at)).toEqual({ indicator: 'none', state: 'operational' });
  });

  it('overlapping incidents on one component: the worst wins, and the other remains when one resolves', () => {
    const a = makeIncident({ api: 'degraded_performance' }, [['Investigating', '2026-11-20 14:00 UTC']], {}, 'a');
    const b = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-20 15:30 UTC'], ['Investigating', '2026-11-20 14:30 UTC']], {}, 'b');
    expect(componentStatuses([a, b], config, t('2026-11-20T15:00Z')).get('api')).toBe('major_outage');
    expect(componentStatuses([a, b], config, t('2026-11-20T15:30Z')).get('api')).toBe('degraded_performance');
    expect(componentStatuses([a, b], config, t('2026-11-20T14:10Z')).get('api')).toBe('degraded_performance');
  });

  it('maintenance in progress puts its components under maintenance, but never hides an outage', () => {
    const s = componentStatuses([dbMaintenance, open({ database: 'partial_outage' })], config, at);
    expect(s.get('database')).toBe('partial_outage');
    expect(s.get('search')).toBe('under_maintenance');
    expect(s.get('api')).toBe('operational');
  });

  it("a group's status is its worst member's", () => {
    const s = componentStatuses([dbMaintenance, open({ api: 'degraded_performance' })], config, at);
    expect(groupStatus('core', config, s)).toBe('degraded_performance');
    expect(groupStatus('data', config, s)).toBe('under_maintenance');
  });

  it.each([
    [{ api: 'major_outage', web: 'degraded_performance' }, 'critical', 'major_outage'],
    [{ api: 'partial_outage' }, 'major', 'partial_outage'],
    [{ api: 'degraded_performance' }, 'minor', 'degraded_performance'],
  ])('an incident on %o gives indicator %s and state %s', (components, indicator, state) => {
    expect(pageStatus([open(components)], config, at)).toEqual({ indicator, state });
  });

  it('the indicator is the worst impact of unresolved incidents, stated or derived', () => {
    const stated = open({ api: 'degraded_performance' }, { impact: 'critical' }, 'stated');
    const derived = open({ web: 'partial_outage' }, {}, 'derived');
    expect(pageStatus([stated, derived], config, at)).toEqual({ indicator: 'critical', state: 'partial_outage' });
  });

  it('maintenance alone gives "maintenance" and "Service Under Maintenance"', () => {
    expect(pageStatus([dbMaintenance], config, at)).toEqual({ indicator: 'maintenance', state: 'under_maintenance' });
    expect(pageStatus([dbMaintenance], config, t('2026-11-20T16:00Z'))).toEqual({ indicator: 'none', state: 'operational' });
  });

  it('an incident with no component gives "Minor Service Outage" unless its impact is none', () => {
    expect(pageStatus([open({}, { impact: 'major' })], config, at)).toEqual({ indicator: 'major', state: 'minor_outage' });
    expect(pageStatus([open({})], config, at)).toEqual({ indicator: 'none', state: 'operational' });
    expect(pageStatus([open({}, { impact: 'minor' }), dbMaintenance], config, at)).toEqual({ indicator: 'minor', state: 'minor_outage' });
  });

  it('a component outage outranks "Minor Service Outage"', () => {
    expect(pageStatus([open({}, { impact: 'minor' }, 'x'), open({ api: 'partial_outage' }, {}, 'y')], config, at).state).toBe('partial_outage');
  });
});
