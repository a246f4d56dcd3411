import { describe, expect, it } from 'vitest';
import { entryIn } from '../../src/core/translations.ts';
import { FIXTURE_CONFIG, load } from '../helpers/project.ts';

// Incident text in the site's other languages: `<id>.<lang>.md` beside `<id>.md`, kept in step by the check.

const CONFIG = FIXTURE_CONFIG.replace('  url: https://status.example.com\n', '  url: https://status.example.com\n  languages: [en, de, fr]\n');

const INCIDENT = `---
title: Search is down
components:
  search: major_outage
---

## Resolved — 2026-11-20 15:00 UTC
Search works again.

## Identified — 2026-11-20 14:30 UTC
An index was deleted.

## Investigating — 2026-11-20 14:05 UTC
Search returns errors.
`;

const GERMAN = `---
title: Die Suche ist ausgefallen
---

## Resolved — 2026-11-20 15:00 UTC
Die Suche funktioniert wieder.

## Identified — 2026-11-20 14:30 UTC
Ein Index wurde gelöscht.

## Investigating — 2026-11-20 14:05 UTC
Die Suche liefert Fehler.
`;

const loadWith = (files: Record<string, string>) => load({ 'incidents/search.md': INCIDENT, ...files }, new Date('2026-11-24T12:00:00Z'), CONFIG);
const messages = (list: { file: string; line?: number | undefined; message: string }[]) => list.map((p) => `${p.file}:${p.line} ${p.message}`).sort();

describe('a translation beside the incident', () => {
  it('is attached to its entry, and the pages in its language show its text', () => {
    const { project, problems } = loadWith({ 'incidents/search.de.md': GERMAN });
    expect(messages(problems.list)).toEqual([]);
    const entry = project!.entries[0]!;
    const german = entryIn(entry, 'de', 'en');
    expect(german.title).toBe('Die Suche ist ausgefallen');
    expect(german.titleFallback).toBeUndefined();
    expect(german.updates.map((u) => [u.status, u.text, u.fallback])).toEqual([
      ['resolved', 'Die Suche funktioniert wieder.', undefined],
      ['identified', 'Ein Index wurde gelöscht.', undefined],
      ['investigating', 'Die Suche liefert Fehler.', undefined],
    ]);
    // Times, anchors and statuses stay the entry's own.
    expect(german.updates.map((u) => u.anchor)).toEqual(entry.updates.map((u) => u.anchor));
    // A language with no translation shows the entry's own text, marked as being in English: never a blank.
    const french = entryIn(entry, 'fr', 'en');
    expect(french.title).toBe('Search is down');
    expect(french.titleFallback).toBe('en');
    expect(french.updates.map((u) => [u.text, u.fallback])).toEqual(entry.updates.map((u) => [u.text, 'en']));
  });

  it('may leave updates out for now: a warning names them, and those show in English with a note', () => {
    const partial = GERMAN.split('## Identified')[0]!;
    const { project, problems } = loadWith({ 'incidents/search.de.md': partial });
    expect(problems.errors).toEqual([]);
    expect(messages(problems.warnings)).toEqual([
      'incidents/search.de.md:1 2 of the 3 updates of incidents/search.md are not translated yet (the newest: "## Identified — 2026-11-20 14:30 UTC"): the German pages show them in English, with a note.',
    ]);
    const german = entryIn(project!.entries[0]!, 'de', 'en');
    expect(german.updates.map((u) => u.fallback)).toEqual([undefined, 'en', 'en']);
  });

  it('keeps the times and statuses of the entry: a heading that matches none is an error at its line', () => {
    const wrong = GERMAN.replace('## Identified — 2026-11-20 14:30 UTC', '## Monitoring — 2026-11-20 14:30 UTC').replace('## Investigating — 2026-11-20 14:05 UTC', '## Investigating — 2026-11-20 14:06 UTC');
    const { project, problems } = loadWith({ 'incidents/search.de.md': wrong });
    expect(project).toBeUndefined();
    expect(messages(problems.errors)).toEqual([
      'incidents/search.de.md:11 incidents/search.md has no update at 2026-11-20 14:06 UTC: a translation translates the updates there.',
      'incidents/search.de.md:8 The update at 2026-11-20 14:30 UTC is "Identified" in incidents/search.md, "Monitoring" here.',
    ]);
    expect(problems.errors[0]!.hint).toBe('Write the heading as "## Identified — 2026-11-20 14:30 UTC": a translation keeps the statuses of the incident.');
    expect(problems.errors[1]!.hint).toContain('"## Investigating — 2026-11-20 14:05 UTC"');
  });

  it("refuses headings in the translation's own words, pointing at the entry's headings", () => {
    const { problems } = loadWith({ 'incidents/search.de.md': GERMAN.replace('## Resolved', '## Behoben') });
    expect(messages(problems.errors)).toEqual(['incidents/search.de.md:5 The heading "## Behoben — 2026-11-20 15:00 UTC" is not one of an update: a translation keeps each update\'s heading as the incident\'s file has it.']);
    // A misspelt status word: the hint names the heading it most likely copies.
    const misspelt = loadWith({ 'incidents/search.de.md': GERMAN.replace('## Resolved', '## Resovled') }).problems.errors[0]!;
    expect(misspelt.hint).toContain('Copy "## Resolved — 2026-11-20 15:00 UTC" from the incident\'s file');
  });

  it('holds only the title: any other field is set in the entry itself', () => {
    const { problems } = loadWith({ 'incidents/search.de.md': GERMAN.replace('title: Die Suche ist ausgefallen\n', 'title: Die Suche ist ausgefallen\nimpact: major\n') });
    expect(messages(problems.errors)).toEqual(['incidents/search.de.md:3 Unknown field "impact".']);
  });

  it('is refused for a language the site does not list, for its first language, and for no incident', () => {
    const { problems } = loadWith({
      'incidents/search.es.md': GERMAN,
      'incidents/search.en.md': GERMAN,
      'incidents/gone.de.md': GERMAN,
      'incidents/search.DE.md': GERMAN,
    });
    expect(messages(problems.errors)).toEqual([
      'incidents/gone.de.md:1 The translation has nothing to translate: there is no incidents/gone.md.',
      'incidents/search.DE.md:1 "DE" in the file name is not a language Candor has: a name with a part after the id is a translation, <id>.<language>.md.',
      "incidents/search.en.md:1 A translation into English, the site's first language, which search.md itself is written in.",
      'incidents/search.es.md:1 A translation into Spanish (es), which is not one of site.languages (en, de, fr): no page would show it.',
    ]);
    expect(problems.errors.find((p) => p.file === 'incidents/search.DE.md')!.hint).toContain('write "de", or one of');
    expect(problems.errors.find((p) => p.file === 'incidents/search.es.md')!.hint).toBe('Add es to site.languages in candor.config.yaml, or remove this file.');
  });

  it('of a post-mortem is attached to it, and needs one', () => {
    const postmortem = '---\npublished: 2026-11-21T09:00Z\n---\n\n## Summary\nAn index was deleted.\n\n## Impact\nNo search.\n\n## Root cause\nA script.\n\n## Resolution\nRebuilt.\n\n## Prevention\nA check.\n';
    const german = '---\ntitle: "Post-Mortem: Suche"\n---\n\n## Zusammenfassung\nEin Index wurde gelöscht.\n';
    const { project, problems } = loadWith({ 'incidents/search.postmortem.md': postmortem, 'incidents/search.postmortem.de.md': german, 'incidents/search.de.md': GERMAN });
    expect(messages(problems.list)).toEqual([]);
    const entry = entryIn(project!.entries[0]!, 'de', 'en');
    expect(entry.postmortem).toMatchObject({ title: 'Post-Mortem: Suche', sections: ['Zusammenfassung'] });
    expect(entry.postmortem!.fallback).toBeUndefined();
    expect(entryIn(project!.entries[0]!, 'fr', 'en').postmortem).toMatchObject({ sections: ['Summary', 'Impact', 'Root cause', 'Resolution', 'Prevention'], fallback: 'en' });

    const orphan = loadWith({ 'incidents/search.postmortem.de.md': german });
    expect(messages(orphan.problems.errors)).toEqual(['incidents/search.postmortem.de.md:1 The post-mortem translation has no post-mortem: there is no incidents/search.postmortem.md.']);
    // A post-mortem with errors of its own is not said to be missing.
    const broken = loadWith({ 'incidents/search.postmortem.md': postmortem.replace('published: 2026-11-21T09:00Z', 'published: someday'), 'incidents/search.postmortem.de.md': german });
    expect(messages(broken.problems.errors).filter((m) => m.startsWith('incidents/search.postmortem.de.md'))).toEqual([]);
    expect(messages(broken.problems.errors)).toHaveLength(1);
  });

  it("of a post-mortem without a title of its own never shows the original's title as if translated", () => {
    const postmortem = '---\ntitle: What broke search\npublished: 2026-11-21T09:00Z\n---\n\n## Summary\nAn index was deleted.\n\n## Impact\nNo search.\n\n## Root cause\nA script.\n\n## Resolution\nRebuilt.\n\n## Prevention\nA check.\n';
    const { project, problems } = loadWith({ 'incidents/search.postmortem.md': postmortem, 'incidents/search.postmortem.de.md': '---\n---\n\n## Zusammenfassung\nEin Index wurde gelöscht.\n', 'incidents/search.de.md': GERMAN });
    expect(messages(problems.warnings)).toEqual(['incidents/search.postmortem.de.md:1 No title: the post-mortem\'s own, "What broke search", is in English; the German page names it after the incident instead.']);
    const german = entryIn(project!.entries[0]!, 'de', 'en').postmortem!;
    expect(german.title).toBeUndefined();
    expect(german.sections).toEqual(['Zusammenfassung']);
  });

  it("of a post-mortem may be unfinished while the post-mortem is a draft, not once it is published", () => {
    const postmortem = (published: string) => `---\n${published}---\n\n## Summary\nAn index was deleted.\n\n## Impact\nNo search.\n\n## Root cause\nA script.\n\n## Resolution\nRebuilt.\n\n## Prevention\nA check.\n`;
    const unfinished = '---\ntitle: Suche\n---\n\n## Zusammenfassung\nEin Index wurde gelöscht.\n\n## Auswirkung\n';
    const draft = loadWith({ 'incidents/search.postmortem.md': postmortem(''), 'incidents/search.postmortem.de.md': unfinished, 'incidents/search.de.md': GERMAN });
    expect(messages(draft.problems.errors)).toEqual([]);
    const published = loadWith({ 'incidents/search.postmortem.md': postmortem('published: 2026-11-21T09:00Z\n'), 'incidents/search.postmortem.de.md': unfinished, 'incidents/search.de.md': GERMAN });
    expect(messages(published.problems.errors)).toEqual(['incidents/search.postmortem.de.md:8 The section "Auswirkung" is empty.']);
  });

  it('of a draft is not warned about: the draft is not shown', () => {
    const draft = INCIDENT.replace('title: Search is down\n', 'title: Search is down\ndraft: true\n');
    const { problems } = load({ 'incidents/search.md': draft, 'incidents/search.de.md': GERMAN.split('## Identified')[0]! }, new Date('2026-11-24T12:00:00Z'), CONFIG);
    expect(messages(problems.list)).toEqual([]);
  });

  it('missing for an open incident is a warning per language; a resolved one is history and is not', () => {
    const open = INCIDENT.replace(/## Resolved[^#]*/, '');
    // A window that has ended is over, Completed update or not.
    const ended = '---\ntitle: Upgrade\ncomponents: [database]\nscheduled_for: 2026-11-20T02:00Z\nscheduled_until: 2026-11-20T03:00Z\n---\n\n## Scheduled — 2026-11-18 10:00 UTC\nAn upgrade.\n';
    const { problems } = load({ 'incidents/open.md': open, 'incidents/done.md': INCIDENT, 'incidents/ended.md': ended, 'incidents/open.de.md': GERMAN.replace(/## Resolved[^#]*/, '') }, new Date('2026-11-24T12:00:00Z'), CONFIG);
    expect(messages(problems.warnings)).toEqual([
      'incidents/ended.md:8 The maintenance window ended at 2026-11-20 03:00 UTC and was never updated or completed.',
      'incidents/open.md:1 No French translation of this open incident: its French pages show it in English, with a note.',
    ]);
  });
});
