// Candor's embeddable banner. One script tag on a customer's site:
//   <script src="https://status.example.com/widget.js" async></script>
// It reads the status site's /api/v2/summary.json and shows a small dismissible banner while an
// incident or maintenance is active; nothing when all is well. It never throws into the host page.
import { IMPACT_COLOR } from '../views/colors.ts';
import type { WidgetWords } from './words.ts';

/** This language's words, written in when the widget is bundled (one widget.js per language). */
declare const __CANDOR_WORDS__: WidgetWords;

(() => {
  interface Summary {
    page: { name: string; url: string };
    status: { indicator: string; description: string };
    incidents: Item[];
    scheduled_maintenances: Item[];
  }
  interface Item {
    id: string;
    name: string;
    status: string;
    impact: string;
    shortlink: string;
    updated_at: string;
  }

  const words = __CANDOR_WORDS__;
  const RANK = ['none', 'minor', 'major', 'critical'];
  const script = document.currentScript as HTMLScriptElement | null;

  function pick(s: Summary): Item | undefined {
    const incidents = [...s.incidents].sort((a, b) => RANK.indexOf(b.impact) - RANK.indexOf(a.impact));
    return incidents[0] ?? s.scheduled_maintenances.find((m) => m.status === 'in_progress' || m.status === 'verifying');
  }

  function text(tag: string, content: string): HTMLElement {
    const el = document.createElement(tag);
    el.textContent = content;
    return el;
  }

  function show(s: Summary) {
    const item = pick(s);
    if (!item) return;
    const key = `candor-dismissed:${item.id}`;
    try {
      if (localStorage.getItem(key) === item.updated_at) return;
    } catch {}
    const host = document.createElement('div');
    host.setAttribute('data-candor-widget', '');
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent =
      ':host{all:initial}.b{position:fixed;z-index:2147483000;inset-inline-start:16px;bottom:16px;max-width:min(440px,calc(100vw - 32px));box-sizing:border-box;display:flex;gap:12px;align-items:flex-start;padding:12px 14px;border-radius:8px;background:#fff;color:#1f2328;box-shadow:0 4px 16px rgba(0,0,0,.2);border-inline-start:6px solid var(--c);font:14px/1.45 system-ui,sans-serif}' +
      '.t{margin:0;font-weight:600}.m{margin:2px 0 0}a{color:#0550ae}button{all:unset;cursor:pointer;font-size:20px;line-height:1;padding:0 4px;color:#57606a}button:focus-visible{outline:2px solid #0550ae}';
    const box = document.createElement('div');
    box.className = 'b';
    box.setAttribute('role', 'status');
    box.lang = words.lang;
    box.dir = words.dir;
    box.style.setProperty('--c', IMPACT_COLOR[item.impact] ?? IMPACT_COLOR['none']!);
    const body = document.createElement('div');
    const title = text('p', item.impact === 'maintenance' ? words.maintenance : (words.states[s.status.description] ?? s.status.description));
    title.className = 't';
    const line = text('p', `${item.name} `);
    line.className = 'm';
    const link = text('a', words.details);
    (link as HTMLAnchorElement).href = item.shortlink;
    (link as HTMLAnchorElement).target = '_blank';
    (link as HTMLAnchorElement).rel = 'noopener';
    line.append(link);
    body.append(title, line);
    const close = text('button', '×');
    close.setAttribute('aria-label', words.dismiss);
    close.addEventListener('click', () => {
      host.remove();
      try {
        localStorage.setItem(key, item.updated_at);
      } catch {}
    });
    box.append(body, close);
    root.append(style, box);
    document.body.append(host);
  }

  function safeShow(s: Summary) {
    try {
      show(s);
    } catch {}
  }

  try {
    if (!script?.src || !('attachShadow' in Element.prototype)) return;
    fetch(new URL('api/v2/summary.json', script.src), { credentials: 'omit' })
      .then((r) => (r.ok ? r.json() : undefined))
      .then((s: Summary | undefined) => {
        if (!s || !Array.isArray(s.incidents)) return;
        if (document.body) safeShow(s);
        else addEventListener('DOMContentLoaded', () => safeShow(s));
      })
      .catch(() => {});
  } catch {}
})();
