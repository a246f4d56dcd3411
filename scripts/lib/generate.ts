// Realistic synthetic status-page content at any size, for the benchmark: components in groups, years
// of incidents with 2–6 updates, post-mortems, and planned maintenance.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded random generator (mulberry32): the same N always gives the same files, the same seed a test the same input. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = [
  ['platform', 'Platform', ['api', 'dashboard', 'auth', 'search']],
  ['payments', 'Payments', ['cards', 'bank-transfers', 'payouts', 'invoicing']],
  ['developers', 'Developer tools', ['webhooks', 'sandbox', 'docs']],
  ['regions', 'Regions', ['eu-west', 'us-east', 'ap-south']],
] as const;

const PROBLEMS = ['Elevated error rates', 'Slow responses', 'Intermittent timeouts', 'Delayed processing', 'Failed requests', 'Degraded performance', 'Login failures'];
const CAUSES = [
  'A configuration change raised error rates; we are rolling it back.',
  'A database failover left one replica behind; traffic is moving to healthy replicas.',
  'An upstream provider is returning errors; we are routing around it.',
  'A deploy introduced a memory leak; the previous version is being restored.',
  'A certificate expired on one internal service; it has been renewed.',
];
const STATUSES = ['degraded_performance', 'partial_outage', 'major_outage'] as const;

export interface GeneratedProject {
  root: string;
  incidents: number;
  maintenance: number;
  postmortems: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) => `${d.toISOString().slice(0, 10)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
const fm = (d: Date) => `${d.toISOString().slice(0, 16)}Z`;

export interface Density {
  /** Entries a day, on average (default 2). */
  perDay?: number;
  /** Ongoing incidents (default 1, the last one generated); more than one begin within the last two days. */
  open?: number;
}

/**
 * Writes a project with `n` incidents and maintenance windows into `root`, spread over the years
 * before `now` (about two a day by default), with a few upcoming windows and ongoing incidents.
 */
export function generateProject(root: string, n: number, now: Date, seed = 42, density: Density = {}): GeneratedProject {
  const perDay = density.perDay ?? 2;
  const open = density.open ?? 1;
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'incidents'), { recursive: true });
  const components = GROUPS.flatMap(([group, , ids]) => ids.map((id) => ({ id, group })));
  const config = [
    'site:',
    '  name: Benchmark Co',
    '  url: https://status.bench.example',
    'groups:',
    ...GROUPS.flatMap(([id, name]) => [`  - id: ${id}`, `    name: ${name}`]),
    'components:',
    ...components.flatMap((c) => [`  - id: ${c.id}`, `    name: ${c.id.replace(/-/g, ' ').replace(/^./, (x) => x.toUpperCase())}`, `    group: ${c.group}`]),
  ].join('\n');
  writeFileSync(join(root, 'candor.config.yaml'), `${config}\n`);

  const spanMs = (Math.max(n, 60) / perDay) * 24 * 3_600_000;
  const counts = { incidents: 0, maintenance: 0, postmortems: 0 };
  for (let k = 0; k < n; k++) {
    const upcoming = k < Math.min(3, Math.ceil(n / 100));
    const start = upcoming ? new Date(now.getTime() + (k + 2) * 86_400_000) : new Date(now.getTime() - 3_600_000 - Math.floor(rnd() * spanMs));
    start.setUTCSeconds(0, 0);
    const year = String(start.getUTCFullYear());
    const id = `${start.toISOString().slice(0, 10)}-${upcoming ? 'maintenance' : 'entry'}-${k}`;
    const dir = join(root, 'incidents', year);
    mkdirSync(dir, { recursive: true });
    const affected = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(components).id))];
    if (upcoming || rnd() < 0.1) {
      counts.maintenance++;
      const until = new Date(start.getTime() + (1 + Math.floor(rnd() * 4)) * 3_600_000);
      const announced = new Date(start.getTime() - 10 * 86_400_000);
      const done = until < now;
      const body = [
        done ? `## Completed — ${stamp(new Date(until.getTime() - 10 * 60_000))}\nThe work is complete. Thank you for your patience.\n` : '',
        done ? `## In progress — ${stamp(start)}\nThe work has started.\n` : '',
        `## Scheduled — ${stamp(announced)}\nWe will upgrade ${affected.join(', ')}. Expect short interruptions; nothing is required on your side.\n`,
      ].filter(Boolean);
      writeFileSync(join(dir, `${id}.md`), `---\ntitle: Planned upgrade of ${affected.join(' and ')}\nscheduled_for: ${fm(start)}\nscheduled_until: ${fm(until)}\ncomponents: [${affected.join(', ')}]\n---\n\n${body.join('\n')}`);
      continue;
    }
    counts.incidents++;
    const ongoing = k >= n - open;
    if (ongoing && open > 1) {
      start.setTime(now.getTime() - 3_600_000 - Math.floor(rnd() * 2 * 86_400_000));
      start.setUTCSeconds(0, 0);
    }
    const updates = 2 + Math.floor(rnd() * 5);
    let t = start.getTime();
    const times = Array.from({ length: updates }, (_, u) => new Date(u === 0 ? t : (t += (10 + Math.floor(rnd() * 50)) * 60_000)));
    const words = ['Investigating', 'Identified', 'Update', 'Monitoring', 'Update', 'Resolved'];
    const blocks = times.map((t, u) => {
      const last = u === updates - 1;
      const word = last && !ongoing ? 'Resolved' : words[Math.min(u, 4)]!;
      const text = word === 'Investigating' ? `We are investigating ${pick(PROBLEMS).toLowerCase()} affecting ${affected.join(', ')}.` : word === 'Resolved' ? 'This incident is resolved. We are sorry for the disruption.' : `${pick(CAUSES)} We will post the next update within 30 minutes.`;
      return `## ${word} — ${stamp(t)}\n${text}\n`;
    });
    const statusLines = affected.map((c) => `  ${c}: ${pick(STATUSES)}`).join('\n');
    writeFileSync(join(dir, `${id}.md`), `---\ntitle: ${pick(PROBLEMS)} on ${affected.join(' and ')}\ncomponents:\n${statusLines}\n---\n\n${blocks.reverse().join('\n')}`);
    if (!ongoing && rnd() < 0.05) {
      counts.postmortems++;
      const published = new Date(times[times.length - 1]!.getTime() + 2 * 86_400_000);
      writeFileSync(
        join(dir, `${id}.postmortem.md`),
        `---\npublished: ${fm(published < now ? published : now)}\n---\n\n## Summary\nWhat happened.\n\n## Impact\nWho was affected.\n\n## Root cause\n${pick(CAUSES)}\n\n## Resolution\nHow it was fixed.\n\n## Prevention\n- What changes.\n`,
      );
    }
  }
  return { root, ...counts };
}
