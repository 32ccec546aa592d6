import { buildConfigSchema } from '@botsmith/shared';

/** The project every fault scenario sets up: two platforms, so there are secrets to store. */
export const NAME = 'phoenix-bot';
export const config = buildConfigSchema.parse({
  platforms: ['telegram', 'webchat'],
  project: { name: NAME },
});

const REPO = `/repos/octocat/${NAME}`;

/**
 * One GitHub call per setup step (two for `secrets`: reading the key, storing a value), in
 * the order a setup makes them. `path` is an emulator fault path (an anchored regex).
 */
export const STEP_CALLS = [
  { step: 'create_repo', method: 'POST', path: '/user/repos' },
  { step: 'commit_files', method: 'POST', path: `${REPO}/git/commits` },
  { step: 'secrets', method: 'GET', path: `${REPO}/actions/secrets/public-key` },
  { step: 'secrets', method: 'PUT', path: `${REPO}/actions/secrets/[A-Z_]+` },
  { step: 'webhook', method: 'POST', path: `${REPO}/hooks` },
  { step: 'branch_protection', method: 'PUT', path: `${REPO}/branches/main/protection` },
  { step: 'first_run', method: 'GET', path: `${REPO}/actions/runs` },
] as const;
export type StepCall = (typeof STEP_CALLS)[number];
