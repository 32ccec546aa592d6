import { buildConfigSchema } from '@botsmith/shared';

/** The project every fault scenario sets up: two platforms, so there are secrets to store. */
export const NAME = 'phoenix-bot';
export const config = buildConfigSchema.parse({
  platforms: ['telegram', 'webchat'],
  project: { name: NAME },
});

const REPO = `/repos/octocat/${NAME}`;

/**
 * One GitHub call per setup step (two for `github:secrets:store`: reading the key, storing a
 * value), in the order a setup makes them. `path` is an emulator fault path (an anchored regex).
 */
export const STEP_CALLS = [
  { step: 'github:repo:create', method: 'POST', path: '/user/repos' },
  { step: 'github:files:commit', method: 'POST', path: `${REPO}/git/commits` },
  { step: 'github:secrets:store', method: 'GET', path: `${REPO}/actions/secrets/public-key` },
  { step: 'github:secrets:store', method: 'PUT', path: `${REPO}/actions/secrets/[A-Z_]+` },
  { step: 'github:webhook:create', method: 'POST', path: `${REPO}/hooks` },
  { step: 'github:branch:protect', method: 'PUT', path: `${REPO}/branches/main/protection` },
  { step: 'github:workflow:await-first-run', method: 'GET', path: `${REPO}/actions/runs` },
] as const;
export type StepCall = (typeof STEP_CALLS)[number];
