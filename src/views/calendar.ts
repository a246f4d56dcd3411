import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Entry, Maintenance } from '../core/model.ts';
import { maintenanceStatus } from '../core/rules/maintenance.ts';
import type { Config } from '../core/schema/config.ts';
import { DAY } from '../core/time.ts';
import type { Translator } from '../i18n/translate.ts';
import { absolute, paths } from './urls.ts';

/** Past windows stay in the calendar this long after they end, so the feed stays small over the years. */
export const CALENDAR_PAST_DAYS = 365;

/**
 * An iCalendar feed of maintenance windows (upcoming, and those of the last year). Times are UTC, so they are right in every zone and across
 * daylight-saving changes. Each window keeps its UID; SEQUENCE and LAST-MODIFIED follow its updates, so
 * a moved window reaches calendars once an update says so. Cancelled windows stay, marked CANCELLED.
 */
export function maintenanceCalendar(entries: readonly Entry[], config: Config, now: Date, base: string, t: Translator, name = t('calendar.name', { site: config.site.name })): string {
  const host = new URL(config.site.url).host;
  const calendar = ical({
    name,
    description: t('calendar.description', { site: config.site.name }),
    prodId: { company: 'Candor', product: 'Candor', language: t.language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    url: absolute(config.site.url, base, paths.maintenance()),
    ttl: 3600,
  });
  for (const m of entries) {
    if (m.kind !== 'maintenance' || now.getTime() - m.scheduledUntil.getTime() > CALENDAR_PAST_DAYS * DAY) continue;
    const posted = m.updates.filter((u) => u.at <= now);
    const latest = posted[0];
    if (!latest) continue;
    const url = absolute(config.site.url, base, paths.incident(m.id));
    calendar.createEvent({
      id: `${m.id}@${host}`,
      summary: m.title,
      start: m.scheduledFor,
      end: m.scheduledUntil,
      stamp: latest.at,
      created: posted[posted.length - 1]!.at,
      lastModified: latest.at,
      sequence: posted.length - 1,
      status: maintenanceStatus(m, now) === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      description: `${latest.text}\n\n${url}`,
      url,
    });
  }
  return calendar.toString();
}

/** One maintenance as its own calendar, for an "Add to calendar" link. */
export function eventCalendar(m: Maintenance, config: Config, now: Date, base: string, t: Translator): string {
  return maintenanceCalendar([m], config, now, base, t, m.title);
}

/** A Google Calendar link that opens the window as a new event. */
export function googleCalendarLink(m: Maintenance, config: Config, base = config.site.base): string {
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: `${m.title} (${config.site.name})`,
    dates: `${stamp(m.scheduledFor)}/${stamp(m.scheduledUntil)}`,
    details: absolute(config.site.url, base, paths.incident(m.id)),
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}
