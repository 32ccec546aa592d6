import type { BuildConfigInput } from '@botsmith/shared';
import { FEATURE_IDS } from '@botsmith/shared';
import { describe, expect, it } from 'vitest';
import { explain, limitConcurrency, storeEnv, userEnv, writeProject } from './generated-projects';

// Generates projects, installs them from the npm registry and runs their own checks the way a
// user would. The npm cache is shared (npm_config_cache when set) and installs prefer it, so
// reruns are fast. "maximal" and "minimal" always run; BOTSMITH_GENERATED_MATRIX=features adds
// every session store, both AI providers and pnpm.
const MINUTES = 60_000;
const ALL_AUTOMATION = {
  ci: true,
  deploy: true,
  codeql: true,
  dependencyReview: true,
  release: true,
  dependabot: true,
};

const DEFAULT_CASES: Record<string, BuildConfigInput> = {
  maximal: {
    project: { name: 'maximal-bot' },
    features: [...FEATURE_IDS],
    ai: { provider: 'openai' },
    sessions: { store: 'postgres' },
    deploy: { target: 'fly' },
    automation: ALL_AUTOMATION,
  },
  minimal: { project: { name: 'minimal-bot' }, features: [], automation: { ci: false } },
};

const MATRIX_CASES: Record<string, BuildConfigInput> = {
  'memory store': { features: ['commands', 'sessions', 'persistence'] },
  'redis store': {
    features: ['commands', 'sessions', 'persistence'],
    sessions: { store: 'redis' },
  },
  'postgres store': { features: ['commands', 'sessions'], sessions: { store: 'postgres' } },
  'openai replies': { features: ['commands', 'sessions', 'ai'], ai: { provider: 'openai' } },
  'anthropic replies': { features: ['ai', 'i18n'], ai: { provider: 'anthropic' } },
  'pnpm, everything but AI': {
    features: FEATURE_IDS.filter((id) => id !== 'ai'),
    runtime: { packageManager: 'pnpm' },
    sessions: { store: 'redis' },
  },
};

const matrix = process.env.BOTSMITH_GENERATED_MATRIX === 'features';
const cases = { ...DEFAULT_CASES, ...(matrix ? MATRIX_CASES : {}) };
// Two at a time: each one installs, compiles and runs a test suite on a 2-core machine.
const limit = limitConcurrency(2);

describe.concurrent('generated projects', () => {
  it.for(Object.entries(cases))(
    '%s installs, type-checks, passes its tests and builds',
    { timeout: 10 * MINUTES },
    ([, input]) =>
      limit(async () => {
        const services = await storeEnv();
        const env = { ...userEnv(), ...services };
        const project = await writeProject(input, env);
        try {
          const install = await project.install();
          expect(install.code, explain('install', install)).toBe(0);

          const typecheck = await project.packageManager('run', 'typecheck');
          expect(typecheck.code, explain('typecheck', typecheck)).toBe(0);

          const test = await project.packageManager('test');
          expect(test.code, explain('test', test)).toBe(0);
          expect(test.stdout).toMatch(/Tests\s+\d+ passed/);
          const store = input.features?.includes('sessions') ? input.sessions?.store : undefined;
          const storeUrl = store === 'redis' ? services.REDIS_URL : services.DATABASE_URL;
          if (store && store !== 'memory' && storeUrl) {
            // The real store was reachable, so its tests must have run rather than skipped.
            expect(test.stdout).toMatch(new RegExp(`✓ test/${store}-store\\.test\\.ts`));
          }

          const build = await project.packageManager('run', 'build');
          expect(build.code, explain('build', build)).toBe(0);
          const { DISCORD_TOKEN: _unset, ...withoutToken } = env;
          const start = await project.node(['dist/index.js'], withoutToken);
          expect(start.code, explain('node dist/index.js', start)).toBe(1);
          expect(start.stderr).toContain('DISCORD_TOKEN');
        } finally {
          await project.remove();
        }
      }),
  );
});
