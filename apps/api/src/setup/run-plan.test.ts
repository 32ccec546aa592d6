import { expect, test } from 'vitest';
import { runPlanOf } from './run-plan';

test('a plan stored before a field existed reads with that field as its setup meant it', () => {
  expect(runPlanOf({ plan: { branchProtection: true, secretNames: ['DISCORD_TOKEN'] } })).toEqual({
    branchProtection: true,
    secretNames: ['DISCORD_TOKEN'],
    variables: [],
    requiredReviewers: false,
    requiredChecks: [],
    firstRun: true,
  });
});

test('a field in another shape falls back instead of failing the run', () => {
  const plan = runPlanOf({
    plan: {
      branchProtection: 'yes',
      secretNames: 'DISCORD_TOKEN',
      variables: [{ name: 'PORT', value: 8080 }],
      firstRun: false,
      requiredChecks: ['test (22)'],
    },
  });
  expect(plan).toMatchObject({
    branchProtection: false,
    secretNames: [],
    variables: [],
    firstRun: false,
    requiredChecks: ['test (22)'],
  });
  expect(runPlanOf({ plan: null as unknown as Record<string, unknown> }).firstRun).toBe(true);
});
