import { generate } from '@botsmith/generators';
import { buildConfigSchema } from '@botsmith/shared';
import { describe, expect, test } from 'vitest';
import { requiredChecksOf, startsWorkflowOnPush } from './plan-from-files';

const files = (input: unknown) => generate(buildConfigSchema.parse(input)).files;

describe('what the generated files imply for setup', () => {
  test('required checks are the pull-request workflow jobs, one per matrix value', () => {
    expect(requiredChecksOf(files({ project: { name: 'hello' } }))).toEqual([
      'Test (Node 24)',
      'Test (Node 26)',
    ]);
    expect(
      requiredChecksOf(files({ project: { name: 'hello' }, automation: { ci: false } })),
    ).toEqual([]);
  });

  test('a push starts a run only when a workflow listens to push', () => {
    expect(startsWorkflowOnPush(files({ project: { name: 'hello' } }))).toBe(true);
    expect(
      startsWorkflowOnPush(
        files({ project: { name: 'hello' }, automation: { ci: false, dependabot: false } }),
      ),
    ).toBe(false);
  });
});
