import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runIn } from '../helpers/cli.ts';
import { ROOT } from '../helpers/project.ts';

// The browser tests' site: in English, German and Arabic, with every language's templates.
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'candor-languages-'));
  cpSync(join(ROOT, 'test/fixtures/site/candor.config.yaml'), join(root, 'candor.config.yaml'));
  cpSync(join(ROOT, 'incidents/_templates'), join(root, 'incidents/_templates'), { recursive: true });
});

const cli = (args: string[], options: Parameters<typeof runIn>[2] = {}) => runIn(root, args, options);
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the CLI in several languages', () => {
  it('opens an incident with its translations, from each language\'s template, and keeps them in step', async () => {
    const opened = await cli(['new', 'incident', '--title', 'Checkout failing', '-c', 'api=major_outage', '-c', 'web=degraded_performance', '--next-update', '30', '--language', 'de,ar', '--translation-title', 'de=Bezahlvorgang schlägt fehl', '--id', 'checkout']);
    expect(opened.err).toBe('');
    expect(opened.code).toBe(0);
    expect(opened.out).toContain('Wrote incidents/checkout.md\nWrote incidents/checkout.de.md\nWrote incidents/checkout.ar.md');
    // The German file: its title, the incident's heading, the German template with the names listed the German way and the time.
    expect(read('incidents/checkout.de.md')).toBe(`---
title: Bezahlvorgang schlägt fehl
---

## Investigating — 2026-11-24 12:35 UTC
${readFileSync(join(ROOT, 'incidents/_templates/de/acknowledge.md'), 'utf8').replace('{{components}}', 'Public API und Website').replace('{{next_update}}', '13:05 UTC').trim()}
`);
    // No Arabic title was given: the file has none, and the check says so.
    expect(read('incidents/checkout.ar.md')).toMatch(/^---\n---\n\n## Investigating — 2026-11-24 12:35 UTC\n.*Public API و ?Website/u);

    // An update goes into every language the incident is translated into, each from its own template.
    const updated = await cli(['update', 'checkout', '--status', 'identified', '--next-update', '30'], { now: '2026-11-24T12:50:00Z' });
    expect(updated.code).toBe(0);
    expect(updated.out).toContain('Wrote incidents/checkout.de.md');
    const german = read('incidents/checkout.de.md');
    expect(german.indexOf('## Identified — 2026-11-24 12:50 UTC')).toBeGreaterThan(german.indexOf('title:'));
    expect(german.indexOf('## Identified')).toBeLessThan(german.indexOf('## Investigating'));
    expect(german).toContain('Ursache');
    expect(read('incidents/checkout.ar.md')).toContain('## Identified — 2026-11-24 12:50 UTC');

    // The text can be given instead of the template's.
    const resolved = await cli(['resolve', 'checkout', '--translation', 'de=Behoben: Zahlungen funktionieren wieder.', '--language', 'de'], { now: '2026-11-24T13:10:00Z' });
    expect(resolved.code).toBe(0);
    expect(read('incidents/checkout.de.md')).toContain('## Resolved — 2026-11-24 13:10 UTC\nBehoben: Zahlungen funktionieren wieder.\n');
    // The German duration ends in its own full stop: the template's does not double it.
    expect(read('incidents/checkout.ar.md')).toContain('## Resolved — 2026-11-24 13:10 UTC');
    expect(read('incidents/checkout.de.md')).not.toContain('..');

    const check = await cli(['check'], { now: '2026-11-24T13:15:00Z' });
    expect(check.code).toBe(0);
    expect(check.out).toContain('No title: the Arabic pages show the English one');
    expect(check.out).not.toMatch(/not translated yet/);
  });

  it('drafts the post-mortem in each language the incident is in, and publishes it only with its translations finished', async () => {
    await cli(['new', 'incident', '--title', 'Checkout failing', '-c', 'api=major_outage', '--next-update', '30', '--language', 'de', '--translation-title', 'de=Bezahlvorgang schlägt fehl', '--id', 'checkout']);
    await cli(['resolve', 'checkout'], { now: '2026-11-24T13:10:00Z' });
    const drafted = await cli(['postmortem', 'checkout'], { now: '2026-11-24T14:00:00Z' });
    expect(drafted.code).toBe(0);
    expect(drafted.out).toContain('Wrote incidents/checkout.postmortem.md\nWrote incidents/checkout.postmortem.de.md');
    const german = read('incidents/checkout.postmortem.de.md');
    // The German template's sections, the German title and duration, the timeline in German words with the German text.
    expect(german).toContain('## Zusammenfassung');
    expect(german).toContain('„Bezahlvorgang schlägt fehl“');
    expect(german).toContain('35 Min.');
    expect(german).toContain('- **2026-11-24 12:35 UTC**, Untersuchung: Wir untersuchen Meldungen über Störungen bei Public API.');
    expect(german).toContain('- **2026-11-24 13:10 UTC**, Behoben: ');

    // The English one finished, the German one not: publishing would publish an unfinished translation.
    writeFileSync(join(root, 'incidents/checkout.postmortem.md'), read('incidents/checkout.postmortem.md').replace(/\{\{[^}]*\}\}/g, 'Written.'));
    const refused = await cli(['postmortem', 'checkout', '--publish'], { now: '2026-11-24T15:00:00Z' });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Nothing was written: its German translation is not finished');
    expect(refused.err).toContain('incidents/checkout.postmortem.de.md:');
    expect(read('incidents/checkout.postmortem.md')).not.toMatch(/^published:/m);
    writeFileSync(join(root, 'incidents/checkout.postmortem.de.md'), german.replace(/\{\{[^}]*\}\}/g, 'Geschrieben.'));
    expect((await cli(['postmortem', 'checkout', '--publish'], { now: '2026-11-24T15:00:00Z' })).code).toBe(0);
    expect((await cli(['check'], { now: '2026-11-24T15:05:00Z' })).code).toBe(0);
  });

  it('announces maintenance in the languages asked for, with the window and duration in each', async () => {
    const r = await cli(['new', 'maintenance', '--title', 'Database upgrade', '--start', '2026-12-01 02:00 UTC', '--end', '2026-12-01 03:30 UTC', '-c', 'api', '--message', 'The API is read-only for up to 20 minutes.', '--language', 'de', '--translation', 'de=Die API ist bis zu 20 Minuten nur lesbar.', '--id', 'db']);
    expect(r.code).toBe(0);
    expect(read('incidents/db.de.md')).toBe('---\n---\n\n## Scheduled — 2026-11-24 12:35 UTC\nDie API ist bis zu 20 Minuten nur lesbar.\n');
    expect((await cli(['check'])).code).toBe(0);
  });

  it('refuses what it cannot write right, and writes nothing', async () => {
    const notOnSite = await cli(['new', 'incident', '--title', 'X', '--language', 'fr']);
    expect(notOnSite.code).not.toBe(0);
    expect(notOnSite.out + notOnSite.err).toContain('the site is not in French. Add "fr" to site.languages');
    const first = await cli(['new', 'incident', '--title', 'X', '--language', 'en']);
    expect(first.out + first.err).toContain("English is the site's first language");
    const misspelt = await cli(['new', 'incident', '--title', 'X', '--language', 'DE']);
    expect(misspelt.out + misspelt.err).toContain('write "de"');
    // A message of one's own in English cannot be paired with the German template's generic text.
    const untranslated = await cli(['new', 'incident', '--title', 'X', '--message', 'Card payments fail.', '--language', 'de']);
    expect(untranslated.out + untranslated.err).toContain('give the German text too, with --translation de=');
    // A language with no template of its own is named, with the way out.
    rmSync(join(root, 'incidents/_templates/ar/acknowledge.md'));
    const missing = await cli(['new', 'incident', '--title', 'X', '--language', 'ar']);
    expect(missing.out + missing.err).toContain('The message template incidents/_templates/ar/acknowledge.md is missing: write it in Arabic');
    expect(existsSync(join(root, 'incidents/2026-11-24-x.md'))).toBe(false);
    expect(existsSync(join(root, 'incidents/2026-11-24-x.de.md'))).toBe(false);
  });

  it('asks in a terminal which languages to write, the title in each, and shows each text', async () => {
    const r = await cli(['new', 'incident', '--title', 'Search down', '-c', 'search=major_outage', '--status', 'investigating', '--impact', 'major', '--next-update', '30'], {
      answers: [['de'], 'Suche ausgefallen', 'post', 'post', true],
    });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual(['Also write it in (space to pick, enter when done)', 'German title (empty to translate it later)', 'Message', 'Message', 'Write it?']);
    expect(r.out).toContain('The message customers will read in Deutsch (German):');
    expect(read('incidents/2026-11-24-search-down.de.md')).toContain('title: Suche ausgefallen');
  });
});

describe('what a translation cannot spoil', () => {
  const open = (extra: string[] = []) => cli(['new', 'incident', '--title', 'Checkout failing', '-c', 'api=major_outage', '--next-update', '30', '--language', 'de', '--id', 'checkout', ...extra]);

  it('a translation takes the heading of the update as edited in $EDITOR', async () => {
    // The responder moves the time to when the problem began (in the incident's file, opened first).
    const edited = await cli(['new', 'incident', '--title', 'Checkout failing', '-c', 'api=major_outage', '--next-update', '30', '--language', 'de', '--id', 'checkout', '--edit'], { env: { EDITOR: "sed -i 's/2026-11-24 12:35 UTC/2026-11-24 12:20 UTC/'" } });
    expect(edited.code).toBe(0);
    expect(read('incidents/checkout.md')).toContain('## Investigating — 2026-11-24 12:20 UTC');
    expect(read('incidents/checkout.de.md')).toContain('## Investigating — 2026-11-24 12:20 UTC');
    expect((await cli(['check'])).code).toBe(0);
  });

  it('an update can be posted without its translations, and a broken translation stops nothing silently', async () => {
    await open();
    // --language none: the English update alone; the check warns that German lags behind.
    const alone = await cli(['update', 'checkout', '-s', 'update', '-m', 'Still on it.', '-n', '30', '--language', 'none'], { now: '2026-11-24T12:50:00Z' });
    expect(alone.code).toBe(0);
    expect(alone.out).not.toContain('checkout.de.md');
    expect((await cli(['check'], { now: '2026-11-24T12:51:00Z' })).out).toContain('1 of the 2 updates of incidents/checkout.md is not translated yet');
    // A German file broken by hand: named, with the way out, before anything is written.
    writeFileSync(join(root, 'incidents/checkout.de.md'), 'Kein Frontmatter.\n');
    const before = read('incidents/checkout.md');
    const broken = await cli(['update', 'checkout', '-s', 'update', '-m', 'More.', '-n', '30'], { now: '2026-11-24T13:00:00Z' });
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('incidents/checkout.de.md does not pass the check, so this update cannot go into it; nothing was written.');
    expect(broken.err).toContain('--language none');
    expect(read('incidents/checkout.md')).toBe(before);
  });

  it('keeps every text the responder gave when one file is refused, and refuses an empty translation up front', async () => {
    await open();
    const empty = await cli(['update', 'checkout', '-s', 'update', '-m', 'Still2', '-n', '30', '--translation', 'de='], { now: '2026-11-24T12:50:00Z' });
    expect(empty.err).toBe('--translation de= is empty: give the text, or leave the flag out.');
    // German text the check refuses: the English text is kept too.
    const refused = await cli(['update', 'checkout', '-s', 'update', '-m', 'Still on it.', '-n', '30', '--translation', 'de=Wir arbeiten daran. {{oops}}'], { now: '2026-11-24T12:50:00Z' });
    expect(refused.code).toBe(1);
    const kept = [...refused.err.matchAll(/incidents\/checkout(?:\.de)?\.md: (\S+)/g)].map((m) => readFileSync(m[1]!, 'utf8'));
    expect(kept.some((t) => t.includes('Still on it.'))).toBe(true);
    expect(kept.some((t) => t.includes('Wir arbeiten daran.'))).toBe(true);
  });

  it('--pr without a token writes nothing, so running it again cannot post twice', async () => {
    const r = await open(['--pr']);
    expect(r.err).toContain('Nothing was written: --pr needs a GitHub token');
    expect(existsSync(join(root, 'incidents/checkout.md'))).toBe(false);
    expect(existsSync(join(root, 'incidents/checkout.de.md'))).toBe(false);
  });

  it('a translation left from before is named before anything is written, not taken for a colleague writing', async () => {
    writeFileSync(join(root, 'incidents/checkout.de.md'), '---\n---\n\n## Investigating — 2026-11-20 10:00 UTC\nAlt.\n');
    // Said before $EDITOR opens: nothing the responder writes is lost to it.
    const r = await cli(['new', 'incident', '--title', 'Checkout failing', '-c', 'api=major_outage', '--next-update', '30', '--language', 'de', '--id', 'checkout', '--edit'], { env: { EDITOR: `touch ${join(root, 'editor-opened')}` } });
    expect(existsSync(join(root, 'editor-opened'))).toBe(false);
    expect(r.err).toBe('incidents/checkout.de.md is already there, with no incident "checkout": a translation left from before? Nothing was written. Remove it, or choose another --id.');
  });

  it('an entry spoilt in $EDITOR is refused with its translations kept too', async () => {
    const r = await cli(['new', 'incident', '--title', 'Checkout failing', '-c', 'api=major_outage', '--next-update', '30', '--id', 'checkout', '--translation', 'de=Der Bezahlvorgang schlägt fehl.', '--message', 'Checkout fails.', '--edit'], { env: { EDITOR: "sed -i 's/^## Investigating.*$/## Bogus heading/'" } });
    expect(r.code).toBe(1);
    expect(existsSync(join(root, 'incidents/checkout.md'))).toBe(false);
    const kept = [...r.err.matchAll(/incidents\/checkout(?:\.de)?\.md: (\S+)/g)].map((m) => readFileSync(m[1]!, 'utf8'));
    expect(kept.some((t) => t.includes('Der Bezahlvorgang schlägt fehl.'))).toBe(true);
    expect(kept.some((t) => t.includes('## Bogus heading'))).toBe(true);
    expect(r.err).not.toMatch(/Nothing was written[^]*Nothing was written/);
  });

  it("a post-mortem's timeline asks for what is not translated yet, and translations can be drafted later", async () => {
    await open();
    await cli(['update', 'checkout', '-s', 'identified', '-m', 'Found it.', '-n', '30', '--language', 'none'], { now: '2026-11-24T12:50:00Z' });
    await cli(['resolve', 'checkout', '--language', 'none'], { now: '2026-11-24T13:10:00Z' });
    expect((await cli(['postmortem', 'checkout', '--language', 'none'], { now: '2026-11-24T14:00:00Z' })).code).toBe(0);
    expect(existsSync(join(root, 'incidents/checkout.postmortem.de.md'))).toBe(false);
    const later = await cli(['postmortem', 'checkout', '--language', 'de'], { now: '2026-11-24T14:05:00Z' });
    expect(later.code).toBe(0);
    const german = read('incidents/checkout.postmortem.de.md');
    expect(german).toContain('- **2026-11-24 12:50 UTC**, Ursache gefunden: {{Translate: Found it.}}');
    // Publishing with --language is refused: one or the other.
    expect((await cli(['postmortem', 'checkout', '--publish', '--language', 'de'])).err).toContain('Run them one after the other');
  });
});

describe('templates in each language', () => {
  it('are checked like the English ones, and a folder that is no language is named', async () => {
    writeFileSync(join(root, 'incidents/_templates/de/update.md'), 'Wir arbeiten weiter an {{component}}.\n');
    mkdirSync(join(root, 'incidents/_templates/deutsch'));
    const r = await cli(['check']);
    expect(r.out).toContain('incidents/_templates/de/update.md:1:');
    expect(r.out).toContain('{{component}} is not a placeholder Candor fills in');
    expect(r.out).toContain('incidents/_templates/deutsch/ is not a language');
  });
});
