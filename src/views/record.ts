import type { Incident } from '../core/model.ts';
import { communicationRecord } from '../core/rules/promises.ts';
import type { Translator } from '../i18n/translate.ts';

/** A time since the start as the record says it: "6 minutes", "2 hours 5 min". */
function sinceStart(t: Translator, ms: number): string {
  const m = Math.round(ms / 60_000);
  if (m < 60) return t('record.duration', { shape: 'm', m });
  const h = Math.floor(m / 60);
  return m % 60 ? t('record.duration', { shape: 'hm', h, m: m % 60 }) : t('record.duration', { shape: 'h', h });
}

/** The incident page's quiet line: "3 of 3 update promises kept; first update 6 minutes after the start." */
export function recordLine(incident: Incident, now: Date, t: Translator): string {
  const r = communicationRecord(incident, now);
  const text = t('record.line', {
    due: r.due,
    kept: r.kept,
    open: r.promises.length > r.due ? 'yes' : 'no',
    atStart: r.firstUpdateMs < 60_000 ? 'yes' : 'no',
    duration: sinceStart(t, r.firstUpdateMs),
  });
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
