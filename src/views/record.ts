import type { Incident } from '../core/model.ts';
import { communicationRecord } from '../core/rules/promises.ts';

const minutesText = (ms: number) => {
  const m = Math.round(ms / 60_000);
  if (m < 60) return `${m} ${m === 1 ? 'minute' : 'minutes'}`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return `${h} ${h === 1 ? 'hour' : 'hours'}${rest ? ` ${rest} min` : ''}`;
};

/** The incident page's quiet line: "3 of 3 update promises kept; first update 6 minutes after the start." */
export function recordLine(incident: Incident, now: Date): string {
  const r = communicationRecord(incident, now);
  const first = r.firstUpdateMs < 60_000 ? 'first update at the start' : `first update ${minutesText(r.firstUpdateMs)} after the start`;
  const open = r.promises.length - r.due;
  const promises = r.due > 0 ? `${r.kept} of ${r.due} update ${r.due === 1 ? 'promise' : 'promises'} kept${open ? ' so far' : ''}; ` : '';
  const text = `${promises}${first}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The same record in the API, as an extra field that Statuspage clients ignore. */
export interface ApiCommunication {
  first_update_minutes: number;
  promises_made: number;
  promises_due: number;
  promises_kept: number;
  longest_silence_minutes: number;
}

export function apiCommunication(incident: Incident, now: Date): ApiCommunication {
  const r = communicationRecord(incident, now);
  return {
    first_update_minutes: Math.round(r.firstUpdateMs / 60_000),
    promises_made: r.promises.length,
    promises_due: r.due,
    promises_kept: r.kept,
    longest_silence_minutes: Math.round(r.longestSilenceMs / 60_000),
  };
}
