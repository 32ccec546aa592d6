import { unsupportedConfigIssues } from '@botsmith/generators';
import { type BuildConfigInput, buildConfigSchema } from '@botsmith/shared';

// Configs the generator may not support yet; which ones it does changes as features land.
const CANDIDATES: BuildConfigInput[] = [
  { deploy: { target: 'fly' } },
  { sessions: { store: 'redis' } },
  { runtime: { packageManager: 'pnpm' } },
  { platforms: ['cli'], features: [] },
  { automation: { release: true } },
];

/**
 * A valid config this generator version cannot produce, or `undefined` once it supports every
 * candidate (tests then skip the "unsupported" case instead of failing).
 */
export function findUnsupportedConfig(): BuildConfigInput | undefined {
  return CANDIDATES.find(
    (input) => unsupportedConfigIssues(buildConfigSchema.parse(input)).length > 0,
  );
}
