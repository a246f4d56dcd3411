import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/views/entries.ts';
import { makeIncident } from '../helpers/entries.ts';
import { t } from '../helpers/project.ts';

describe('how a card is coloured', () => {
  const now = t('2026-11-20T15:00Z');
  it('by the worst component status while open, green once resolved', () => {
    const open = makeIncident({ api: 'degraded_performance', web: 'major_outage' }, [['Investigating', '2026-11-20 14:05 UTC']]);
    expect(summarize(open, now).tone).toBe('major_outage');
    const done = makeIncident({ api: 'major_outage' }, [['Resolved', '2026-11-20 14:30 UTC'], ['Investigating', '2026-11-20 14:05 UTC']]);
    expect(summarize(done, now).tone).toBe('operational');
  });

  it('by its impact when it names no component, and never all-clear green while open', () => {
    expect(summarize(makeIncident({}, [['Investigating', '2026-11-20 14:05 UTC']], { impact: 'critical' }), now).tone).toBe('major_outage');
    expect(summarize(makeIncident({}, [['Investigating', '2026-11-20 14:05 UTC']]), now).tone).toBe('degraded_performance');
  });
});
