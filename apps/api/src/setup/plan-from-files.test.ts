import { generate } from '@botsmith/generators';
import { buildConfigSchema } from '@botsmith/shared';
import { describe, expect, test } from 'vitest';
import { requiredChecksOf, secretNamesOf, startsWorkflowOnPush } from './plan-from-files';

const files = (input: unknown) => generate(buildConfigSchema.parse(input)).files;

describe('what the generated files imply for setup', () => {
  test('secrets: workflow secrets and credentials from .env.example, never GITHUB_*', () => {
    expect(secretNamesOf(files({ project: { name: 'hello' } }))).toEqual(['DISCORD_TOKEN']);
    const deployed = files({
      project: { name: 'hello' },
      deploy: { target: 'railway' },
      automation: { deploy: true },
    });
    expect(secretNamesOf(deployed)).toContain('RAILWAY_TOKEN');
    expect(secretNamesOf(deployed)).not.toContain('GITHUB_TOKEN');
    expect(
      secretNamesOf([
        {
          path: '.env.example',
          content: 'PORT=3000\nSESSION_TTL_SECONDS=\nAPI_KEY=\nBOT_TOKEN=x\n',
        },
      ]),
    ).toEqual(['API_KEY']);
  });

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
