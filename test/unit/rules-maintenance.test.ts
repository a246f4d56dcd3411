import { describe, expect, it } from 'vitest';
import { maintenanceStatus } from '../../src/core/rules/maintenance.ts';
import { makeMaintenance } from '../helpers/entries.ts';
import { t } from '../helpers/project.ts';

const window: [string, string] = ['2026-12-01T02:00Z', '2026-12-01T04:00Z'];
const announced: [string, string] = ['Scheduled', '2026-11-20 09:00 UTC'];

describe('maintenance lifecycle (SPEC: the rules)', () => {
  const plain = makeMaintenance(window, ['database'], [announced]);

  it.each([
    ['2026-11-25T00:00Z', 'scheduled'],
    ['2026-12-01T01:59Z', 'scheduled'],
    ['2026-12-01T02:00Z', 'in_progress'],
    ['2026-12-01T03:00Z', 'in_progress'],
    ['2026-12-01T03:59Z', 'in_progress'],
    ['2026-12-01T04:00Z', 'completed'],
    ['2026-12-02T00:00Z', 'completed'],
  ])('from the window alone, at %s it is %s', (at, status) => {
    expect(maintenanceStatus(plain, t(at))).toBe(status);
  });

  it('"In progress" posted early starts it early', () => {
    const early = makeMaintenance(window, ['database'], [['In progress', '2026-12-01 01:40 UTC'], announced]);
    expect(maintenanceStatus(early, t('2026-12-01T01:30Z'))).toBe('scheduled');
    expect(maintenanceStatus(early, t('2026-12-01T01:45Z'))).toBe('in_progress');
    expect(maintenanceStatus(early, t('2026-12-01T03:00Z'))).toBe('in_progress');
    expect(maintenanceStatus(early, t('2026-12-01T04:00Z'))).toBe('completed');
  });

  it('"Completed" posted early ends it early', () => {
    const done = makeMaintenance(window, ['database'], [['Completed', '2026-12-01 02:50 UTC'], ['In progress', '2026-12-01 02:00 UTC'], announced]);
    expect(maintenanceStatus(done, t('2026-12-01T02:49Z'))).toBe('in_progress');
    expect(maintenanceStatus(done, t('2026-12-01T02:50Z'))).toBe('completed');
    expect(maintenanceStatus(done, t('2026-12-01T03:30Z'))).toBe('completed');
  });

  it('"Verifying" holds it open past the window until "Completed"', () => {
    const verifying = makeMaintenance(window, ['database'], [['Completed', '2026-12-01 05:10 UTC'], ['Verifying', '2026-12-01 03:40 UTC'], announced]);
    expect(maintenanceStatus(verifying, t('2026-12-01T03:45Z'))).toBe('verifying');
    expect(maintenanceStatus(verifying, t('2026-12-01T04:30Z'))).toBe('verifying');
    expect(maintenanceStatus(verifying, t('2026-12-01T05:10Z'))).toBe('completed');
  });

  it('overruns when "In progress" is posted after the window ends', () => {
    const overrun = makeMaintenance(window, ['database'], [['In progress', '2026-12-01 04:05 UTC'], ['In progress', '2026-12-01 02:00 UTC'], announced]);
    expect(maintenanceStatus(overrun, t('2026-12-01T04:02Z'))).toBe('completed');
    expect(maintenanceStatus(overrun, t('2026-12-01T04:05Z'))).toBe('in_progress');
    expect(maintenanceStatus(overrun, t('2026-12-01T09:00Z'))).toBe('in_progress');
  });

  it('an "In progress" posted inside the window does not keep it open after the window', () => {
    const started = makeMaintenance(window, ['database'], [['Update', '2026-12-01 03:00 UTC'], ['In progress', '2026-12-01 02:01 UTC'], announced]);
    expect(maintenanceStatus(started, t('2026-12-01T03:30Z'))).toBe('in_progress');
    expect(maintenanceStatus(started, t('2026-12-01T04:00Z'))).toBe('completed');
  });
});
