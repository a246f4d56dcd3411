// Moves a page from "scheduled" to "in progress" to "completed" when a maintenance window opens or
// closes between builds: the build wrote the states ahead of time, by the same rules as the page.

import type { LiveState } from '../views/live.ts';

const data = document.getElementById('candor-live');
const icons = document.getElementById('candor-icons') as HTMLTemplateElement | null;
const states: LiveState[] = data?.textContent ? JSON.parse(data.textContent) : [];

function setTone(el: Element, tone: string) {
  for (const c of [...el.classList]) if (c.startsWith('tone-')) el.classList.remove(c);
  el.classList.add(`tone-${tone}`);
}

function apply(state: LiveState) {
  for (const el of document.querySelectorAll<HTMLElement>('[data-live]')) {
    const status = state.statuses[el.dataset['live']!];
    if (!status || el.dataset['status'] === status.tone && el.dataset['label'] === status.label) continue;
    setTone(el, status.tone);
    el.dataset['status'] = status.tone;
    el.dataset['label'] = status.label;
    const icon = icons?.content.querySelector(`[data-icon="${status.tone}"]`)?.cloneNode(true);
    const old = el.querySelector('.icon');
    if (icon && old) old.replaceWith(icon);
    const words = el.querySelector('[data-live-text]');
    if (words) words.textContent = status.label;
    if (el.dataset['live'] === 'banner') el.dataset['indicator'] = state.indicator;
    const card = el.closest('.card');
    if (card && el.dataset['live']!.startsWith('entry:')) setTone(card, status.tone);
  }
}

// Each state holds what changes at its moment: the page as built, then every change due by now, in order.
let next = 0;
function tick() {
  const now = Date.now();
  for (; next < states.length && Date.parse(states[next]!.at) <= now; next++) apply(states[next]!);
}

if (states.length > 0) {
  tick();
  setInterval(tick, 15_000);
}
