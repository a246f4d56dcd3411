import { incident, maintenance } from './project.ts';

type Updates = [status: string, time: string][];

const body = (updates: Updates) => updates.map(([s, at]) => `## ${s} — ${at}\nText of the ${s.toLowerCase()} update.\n`).join('\n');

/** An incident file's model, written as a responder would write it. */
export function makeIncident(components: Record<string, string>, updates: Updates, extra: Record<string, string> = {}, id = 'incident') {
  const fm = [
    `title: ${id}`,
    Object.keys(components).length ? `components:\n${Object.entries(components).map(([k, v]) => `  ${k}: ${v}`).join('\n')}` : '',
    ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
  ].filter(Boolean);
  return { ...incident(`---\n${fm.join('\n')}\n---\n\n${body(updates)}`), id };
}

/** A maintenance file's model. */
export function makeMaintenance(window: [string, string], components: string[] | Record<string, string>, updates: Updates, id = 'maintenance') {
  const comps = Array.isArray(components)
    ? `components: [${components.join(', ')}]`
    : `components:\n${Object.entries(components).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`;
  return { ...maintenance(`---\ntitle: ${id}\nscheduled_for: ${window[0]}\nscheduled_until: ${window[1]}\n${comps}\n---\n\n${body(updates)}`), id };
}
