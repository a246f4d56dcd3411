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
        hint: 'List exactly the component ids of candor.config.yaml under "options", in its order: api, web, database, search, email.',
      },
    ]);
    expect(load({ [ISSUE_FORM]: form(['api', 'web', 'database', 'search', 'email']) }).problems.list).toEqual([]);
  });

});
