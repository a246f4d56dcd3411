import { describe, expect, it } from 'vitest';
import { publishedEntry } from '../../src/core/entries.ts';
import { sortProblems } from '../../src/core/problems.ts';
import { load } from '../helpers/project.ts';

const incident = (body: string, fields = '') => `---\ntitle: API errors\n${fields}---\n\n${body}`;
const FIX_HEADING = 'two # signs at the very start of the line, then a space. To keep it as text, reword it.';

/** The errors of a project holding `files`; there is no project when there is any. */
function errors(files: Record<string, string>): { file: string; line: number; column: number | undefined; message: string }[] {
  const { project, problems } = load(files);
  if (problems.errors.length) expect(project).toBeUndefined();
  return sortProblems(problems.errors).map(({ file, line, column, message }) => ({ file, line, column, message }));
}

describe('template text never goes live', () => {
  it('a placeholder or guidance left in an update is an error at its line and column', () => {
    const text = incident('## Investigating — 2026-11-20 14:05 UTC\nWe are looking into problems with {{components}}.\n\n**What to expect:** {{Describe what customers will notice,\nand for how long.}}\n');
    expect(errors({ 'incidents/a.md': text })).toEqual([
      { file: 'incidents/a.md', line: 6, column: 35, message: 'Template text left in: "{{components}}".' },
      { file: 'incidents/a.md', line: 8, column: 21, message: 'Template text left in: "{{Describe what customers will notice, and for how long.}}".' },
    ]);
  });

  it('in raw HTML, a link target and the title too', () => {
    const text = `---\ntitle: "{{title}}"\n---\n\n## Investigating — 2026-11-20 14:05 UTC\n<p>Hello {{site}}</p>\n\nSee [the status]({{url}}).\n`;
    expect(errors({ 'incidents/a.md': text }).map((e) => [e.line, e.message])).toEqual([
      [2, 'Template text left in the title: "{{title}}".'],
      [6, 'Template text left in: "{{site}}".'],
      [8, 'Template text left in: "{{url}}".'],
    ]);
  });

  it.each([
    'We see **{{Describe** what customers notice}}.',
    '*{{Describe*  what}}',
    '{{_what_}}',
    '{{**bold**}}',
    '{{a [link](https://x.example) b}}',
    '{{a `c` d}}',
    '{{x<br>y}}',
    '{{Describe what  \ncustomers notice}}',
    '{{describe {nested} thing}}',
    '[t](https://x.example "tip {{t}}")',
  ])('however markup cuts it up: %j', (written) => {
    const found = errors({ 'incidents/a.md': incident(`## Investigating — 2026-11-20 14:05 UTC\n${written}\n`) });
    expect(found.map((e) => [e.line, e.message.slice(0, 24)])).toEqual([[6, 'Template text left in: "']]);
  });

  it('in maintenance', () => {
    const text = '---\ntitle: Upgrade\nscheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z\n---\n\n## Scheduled — 2026-11-20 09:00 UTC\nWe will upgrade {{components}}.\n';
    expect(errors({ 'incidents/m.md': text })).toEqual([{ file: 'incidents/m.md', line: 8, column: 17, message: 'Template text left in: "{{components}}".' }]);
  });

  it('braces in code are shown as written', () => {
    const text = incident('## Identified — 2026-11-20 14:05 UTC\nTemplates rendered `{{ user.name }}` as text:\n\n```liquid\nHello {{ user.name }}\n```\n');
    expect(errors({ 'incidents/a.md': text })).toEqual([]);
  });

  it('a published post-mortem with a section left unfilled is an error; a draft may keep it', () => {
    const body = '## Summary\nIt broke.\n\n## Root cause\n{{Why it happened, in plain words.}}\n';
    const resolved = incident('## Resolved — 2026-11-20 15:00 UTC\nFixed.\n\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n');
    expect(errors({ 'incidents/a.md': resolved, 'incidents/a.postmortem.md': `---\npublished: 2026-11-21T10:00Z\n---\n\n${body}` })).toEqual([
      { file: 'incidents/a.postmortem.md', line: 9, column: 1, message: 'Template text left in: "{{Why it happened, in plain words.}}".' },
    ]);
    const draft = load({ 'incidents/a.md': resolved, 'incidents/a.postmortem.md': `---\n# Draft: not published.\n---\n\n${body}` }, new Date('2026-11-24T12:00Z'));
    expect(draft.problems.errors).toEqual([]);
    expect(draft.problems.warnings.map((w) => [w.line, w.message, w.hint])).toEqual([
      [2, 'The post-mortem is a draft: customers do not see it, and the incident page does not link to it.', 'When every section is written, add "published: 2026-11-24T12:00Z" (the time you publish it) to its frontmatter.'],
    ]);
    // The published site has no post-mortem for it, so no page links to one; a preview shows the draft.
    const entry = draft.project!.entries[0]!;
    expect(entry.postmortem?.draft).toBe(true);
    expect(publishedEntry(entry, new Date('2026-11-24T12:00Z'), false)!.postmortem).toBeUndefined();
    expect(publishedEntry(entry, new Date('2026-11-24T12:00Z'), true)!.postmortem?.draft).toBe(true);
  });
});

describe('a published post-mortem is finished', () => {
  it('has no empty section', () => {
    const resolved = incident('## Resolved — 2026-11-20 15:00 UTC\nFixed.\n\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n');
    const pm = '---\npublished: 2026-11-21T10:00Z\n---\n\n## Summary\nIt broke.\n\n## Impact\n\n## Root cause\n### In detail\nA bad deploy.\n\n## Prevention\n';
    expect(errors({ 'incidents/a.md': resolved, 'incidents/a.postmortem.md': pm }).map((e) => [e.line, e.message])).toEqual([
      [8, 'The section "Impact" is empty.'],
      [14, 'The section "Prevention" is empty.'],
    ]);
    const hollow = '---\npublished: 2026-11-21T10:00Z\n---\n\n## Summary\n<!-- TODO -->\n\n## Impact\n### Details\n\n## Resolution\n&nbsp;\n\n## Prevention\n\u200b\n';
    expect(errors({ 'incidents/a.md': resolved, 'incidents/a.postmortem.md': hollow }).map((e) => e.message)).toEqual([
      'The section "Summary" is empty.',
      'The section "Impact" is empty.',
      'The section "Resolution" is empty.',
      'The section "Prevention" is empty.',
    ]);
  });
});

describe('a mistyped update heading is an error, never a silent merge', () => {
  const resolvedAs = (heading: string) =>
    incident(`${heading}\nAll fixed.\n\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n`);

  it.each([
    ['### Resolved — 2026-11-20 15:00 UTC', 'it is a level-3 heading (###)'],
    ['# Resolved — 2026-11-20 15:00 UTC', 'it is a level-1 heading (#)'],
    ['##Resolved — 2026-11-20 15:00 UTC', 'there is no space after ##'],
    ['    ## Resolved — 2026-11-20 15:00 UTC', 'it is indented'],
    ['Resolved — 2026-11-20 15:00 UTC', 'it is plain text, not a heading'],
    ['**Resolved** - 2026-11-20 15:00 UTC', 'it is plain text, not a heading'],
    ['> ## Resolved — 2026-11-20 15:00 UTC', 'it is inside a quote'],
  ])('%s', (heading, why) => {
    // Written above the first update it is text before the first update; below it, it would join that update.
    const text = incident(`## Investigating — 2026-11-20 14:05 UTC\nLooking.\n\n${heading}\nAll fixed.\n`);
    const { problems } = load({ 'incidents/a.md': text });
    expect(problems.errors.map((e) => ({ line: e.line, message: e.message, hint: e.hint }))).toEqual([
      {
        line: 8,
        message: `"${heading.trim()}" reads as an update heading but is not one: ${why}, so its text would join the update above.`,
        hint: `Write it as "## Resolved — 2026-11-20 15:00 UTC": ${FIX_HEADING}`,
      },
    ]);
    expect(load({ 'incidents/a.md': resolvedAs(heading) }).project).toBeUndefined();
  });

  it.each([
    ['<h2>Resolved — 2026-11-20 15:00 UTC</h2>', 'it is an HTML heading (<h2>)', 'Resolved', '2026-11-20 15:00 UTC'],
    ['### Resolved: 2026-11-20 15:00 UTC', 'it is a level-3 heading (###)', 'Resolved', '2026-11-20 15:00 UTC'],
    ['### Resolvd — 2026-11-20 15:00 UTC', 'it is a level-3 heading (###)', 'Resolved', '2026-11-20 15:00 UTC'],
    ['### Resolved — 15:00 UTC', 'it is a level-3 heading (###)', 'Resolved', '15:00 UTC'],
    ['### Resolved — 2026-11-20 15:00 UTC (card payments flow again in every region, and the backlog of refunds has been processed)', 'it is a level-3 heading (###)', 'Resolved', '2026-11-20 15:00 UTC (card payments flow again in every region, and the backlog of refunds has been processed)'],
    ['Resolved — 2026-11-20 15:00 UTC\n===', 'it is a level-1 heading (underlined)', 'Resolved', '2026-11-20 15:00 UTC'],
  ])('also %j', (written, why, word, time) => {
    const text = incident(`## Investigating — 2026-11-20 14:05 UTC\nLooking.\n\n${written}\nAll fixed.\n`);
    const { problems } = load({ 'incidents/a.md': text });
    expect(problems.errors.map((e) => [e.line, e.message, e.hint])).toEqual([
      [8, `"${written.split('\n')[0]}" reads as an update heading but is not one: ${why}, so its text would join the update above.`, `Write it as "## ${word} — ${time}": ${FIX_HEADING}`],
    ]);
  });

  it('above the first update, one error says it starts no update (not also "text before the first update")', () => {
    const text = incident('### Resolved — 2026-11-20 15:00 UTC\nFixed.\n\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n');
    expect(load({ 'incidents/a.md': text }).problems.errors.map((e) => [e.line, e.message])).toEqual([
      [5, '"### Resolved — 2026-11-20 15:00 UTC" reads as an update heading but is not one: it is a level-3 heading (###), so it starts no update.'],
    ]);
  });

  it('a line of HTML right above a heading swallows it: said so, with the fix', () => {
    const text = incident('## Investigating — 2026-11-20 14:05 UTC\nLooking.\n\n<br>\n## Resolved — 2026-11-20 15:00 UTC\nAll fixed.\n');
    expect(load({ 'incidents/a.md': text }).problems.errors.map((e) => [e.line, e.message, e.hint])).toEqual([
      [
        9,
        '"## Resolved — 2026-11-20 15:00 UTC" reads as an update heading but is not one: a line of HTML right above it makes it part of that HTML, so its text would join the update above.',
        'Write it as "## Resolved — 2026-11-20 15:00 UTC": two # signs at the very start of the line, then a space, with a blank line above it. To keep it as text, reword it.',
      ],
    ]);
  });

  it('tables, lists, labels and prose with a date are content, not headings', () => {
    const text = incident(
      '## Update — 2026-11-20 14:35 UTC\n| Status | Since | Note |\n|---|---|---|\n| Monitoring | 2026-11-24 | ok |\n\nWhat happened so far:\n\n- Identified — 2026-11-20 14:20 UTC: a bad deploy.\n- Monitoring — 2026-11-20 14:30 UTC\n\nUpdate - 2026-11-25 is when the follow-up maintenance happens.\n\n**Started:** 2026-11-20 14:00 UTC\n**Resolved:** 2026-11-20 14:30 UTC\n\n### Schedule: 2026-11-25 02:00 UTC\nThe fix ships then.\n',
    );
    expect(errors({ 'incidents/a.md': text })).toEqual([]);
  });

  it('a maintenance status word counts too, and fenced code is left alone', () => {
    const text = '---\ntitle: Upgrade\nscheduled_for: 2026-12-01T02:00Z\nscheduled_until: 2026-12-01T04:00Z\n---\n\n## Scheduled — 2026-11-20 09:00 UTC\nWe will upgrade.\n\n### In progress — 2026-12-01 02:00 UTC\nStarted.\n\n```\n## Completed — 2026-12-01 04:00 UTC\n```\n';
    expect(errors({ 'incidents/m.md': text }).map((e) => [e.line, e.message])).toEqual([
      [10, '"### In progress — 2026-12-01 02:00 UTC" reads as an update heading but is not one: it is a level-3 heading (###), so its text would join the update above.'],
    ]);
  });

  it('prose that merely starts with a status word is not a heading', () => {
    const text = incident('## Update — 2026-11-20 14:35 UTC\nUpdate: the fix is rolling out.\nResolved issues - 3 of 4 regions are back.\n\n### Identified cause\nA bad deploy.\n');
    expect(errors({ 'incidents/a.md': text })).toEqual([]);
  });
});

describe('empty updates are errors', () => {
  it.each([
    ['nothing', '## Identified — 2026-11-20 14:30 UTC\n'],
    ['white space', '## Identified — 2026-11-20 14:30 UTC\n   \n\t\n'],
    ['an HTML comment', '## Identified — 2026-11-20 14:30 UTC\n<!-- write here -->\n'],
    ['markup that shows nothing', '## Identified — 2026-11-20 14:30 UTC\n<div></div>\n'],
    ['invisible characters', '## Identified — 2026-11-20 14:30 UTC\n\u200b &#8203;\n'],
  ])('%s', (_, update) => {
    const text = incident(`${update}\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n`);
    expect(errors({ 'incidents/a.md': text })).toEqual([
      { file: 'incidents/a.md', line: 5, column: 1, message: 'The update "## Identified — 2026-11-20 14:30 UTC" has no text for customers.' },
    ]);
  });

  it('an image alone is content', () => {
    const text = incident('## Update — 2026-11-20 14:30 UTC\n![Error rate falling](/graphs/errors.png)\n\n## Investigating — 2026-11-20 14:05 UTC\nLooking.\n');
    expect(errors({ 'incidents/a.md': text })).toEqual([]);
  });
});
