import { describe, expect, it } from 'vitest';
import { ISSUE_FORM } from '../../src/core/issue-form.ts';
import { load } from '../helpers/project.ts';

const form = (ids: string[]) => `name: Report an incident
description: x
body:
  - type: input
    id: title
    attributes:
      label: What customers notice
  - type: checkboxes
    id: components
    attributes:
      label: Affected components
      options:
${ids.map((id) => `        - label: ${id}`).join('\n')}
`;

describe('the incident-report issue form', () => {
  it('lists the components of the configuration, or the check says which differ and where', () => {
    const { problems } = load({ [ISSUE_FORM]: form(['api', 'web', 'db', 'search']) });
    expect(problems.warnings).toEqual([
      {
        severity: 'warning',
        file: ISSUE_FORM,
        line: 13,
        column: 9,
        message: "The issue form's component checkboxes do not match candor.config.yaml: the form misses database, email and lists unknown db.",
        hint: 'List the component ids of candor.config.yaml under "options", one "- label: <id>" each: api, web, database, search, email.',
      },
    ]);
    expect(load({ [ISSUE_FORM]: form(['api', 'web', 'database', 'search', 'email']) }).problems.list).toEqual([]);
    // The order is the form's own choice.
    expect(load({ [ISSUE_FORM]: form(['email', 'search', 'database', 'web', 'api']) }).problems.list).toEqual([]);
  });

  it.each([
    ['a body that is not a list', 'name: x\nbody: x\n'],
    ['an empty option', form(['api']).replace('        - label: api', '        -')],
    ['options that are not a list', form(['api']).replace('      options:\n        - label: api', '      options: api')],
    ['plain strings as options', form(['api']).replace('        - label: api', '        - api')],
    ['not YAML at all', 'body: [\n'],
  ])('never stops the check on %s', (_, text) => {
    const { project, problems } = load({ [ISSUE_FORM]: text });
    expect(project).toBeDefined();
    expect(problems.errors).toEqual([]);
  });

});
