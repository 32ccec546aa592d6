import { buildConfigSchema } from '@botsmith/shared';

/** The project every fault scenario sets up: two platforms, so there are secrets to store. */
export const NAME = 'phoenix-bot';
export const config = buildConfigSchema.parse({
  platforms: ['telegram', 'webchat'],
  project: { name: NAME },
});

/** A plain value typed in step 7, so the variables step has something to set. */
export const variables = { PORT: '8080' };

const REPO = `/repos/octocat/${NAME}`;
const ENV = `${REPO}/environments/production`;

/**
 * One GitHub call per setup step (two for `github:secrets:store`: reading the key, storing a
 * value), in the order a setup makes them. `path` is an emulator fault path (an anchored regex).
 */
export const STEP_CALLS = [
  { step: 'github:repo:create', method: 'POST', path: '/user/repos' },
  { step: 'github:files:commit', method: 'POST', path: `${REPO}/git/commits` },
  { step: 'github:environment:create', method: 'PUT', path: ENV },
  { step: 'github:secrets:store', method: 'GET', path: `${ENV}/secrets/public-key` },
  { step: 'github:secrets:store', method: 'PUT', path: `${ENV}/secrets/[A-Z_]+` },
  { step: 'github:variables:set', method: 'POST', path: `${ENV}/variables` },
  { step: 'github:webhook:create', method: 'POST', path: `${REPO}/hooks` },
  { step: 'github:branch:protect', method: 'PUT', path: `${REPO}/branches/main/protection` },
  { step: 'github:workflow:await-first-run', method: 'GET', path: `${REPO}/actions/runs` },
] as const;
export type StepCall = (typeof STEP_CALLS)[number];
