import { describe, expect, it } from 'vitest';
import { renderTree, parseMarkdown } from '../../src/core/markdown.ts';
import { load } from '../helpers/project.ts';

const update = (body: string) => `---\ntitle: Graphs\n---\n\n## Investigating — 2026-11-20 14:05 UTC\nLatency rose.\n\n${body}\n`;

describe('an update never makes the page load anything from another site', () => {
  it.each([
    ['a Markdown image', '![graph](https://cdn.example.com/graph.png)', 'https://cdn.example.com/graph.png'],
    ['a raw <img>', '<img src="http://tracker.example/p.gif" alt="">', 'http://tracker.example/p.gif'],
    ['a protocol-relative <img>', '<img src="//tracker.example/p.gif" alt="">', '//tracker.example/p.gif'],
    ['a <picture> source set', '<picture><source srcset="/ok.png 1x, https://cdn.example.com/big.png 2x"><img src="/ok.png" alt="graph"></picture>', 'https://cdn.example.com/big.png'],
    ['a scheme without slashes', '![graph](http:cdn.example.com/graph.png)', 'http:cdn.example.com/graph.png'],
    ['a tab the browser would drop', '<img src="/&#9;/tracker.example/p.gif" alt="">', '/\t/tracker.example/p.gif'],
    ['a data: URL the sanitizer would drop without a word', '![graph](data:image/png;base64,iVBORw0KGgo=)', 'data:image/png;base64,iVBORw0KGgo='],
  ])('%s is an error naming the file, the line and the fix', (_, body, url) => {
    const { project, problems } = load({ 'incidents/a.md': update(body) });
    expect(project).toBeUndefined();
    expect(problems.errors).toHaveLength(1);
    // The column of the element: the <source> inside <picture> starts at column 10.
    expect(problems.errors[0]).toMatchObject({ file: 'incidents/a.md', line: 8, column: body.startsWith('<picture>') ? 10 : 1 });
    expect(problems.errors[0]!.message).toContain(`An image from outside the site (${url})`);
    expect(problems.errors[0]!.hint).toContain('Put the image under public/');
  });

  it('names the line in a post-mortem too', () => {
    const { problems } = load({
      'incidents/a.md': update('Fixed.').replace('## Investigating', '## Resolved — 2026-11-20 15:00 UTC\nDone.\n\n## Investigating'),
      'incidents/a.postmortem.md': '---\npublished: 2026-11-21T10:00Z\n---\n\n\n## Summary\n\n![timeline](https://cdn.example.com/t.png)\n',
    });
    expect(problems.errors.map((e) => [e.file, e.line, e.message.slice(0, 27)])).toEqual([['incidents/a.postmortem.md', 8, 'An image from outside the s']]);
  });

  it('keeps images of the site itself, and leaves a foreign one out of the HTML even unchecked', () => {
    const ok = load({ 'incidents/a.md': update('![graph](/images/graph.png)') });
    expect(ok.problems.errors).toEqual([]);
    expect(ok.project!.entries[0]!.updates[0]!.html).toContain('<img src="/images/graph.png" alt="graph">');
    const found: string[] = [];
    const html = renderTree(parseMarkdown('Text ![x](https://cdn.example.com/x.png) <img src="//t.example/p.gif">\n<picture><source srcset="https://a.example/1.png 1x, https://b.example/2.png 2x"></picture>'), (i) => found.push(`${i.line}:${i.column} ${i.url}`));
    expect(html).not.toMatch(/example/);
    expect(found).toEqual(['1:6 https://cdn.example.com/x.png', '1:42 //t.example/p.gif', '2:10 https://a.example/1.png', '2:10 https://b.example/2.png']);
  });
});
