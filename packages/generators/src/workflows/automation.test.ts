import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateFrom } from '../../test/helpers';
import { ACTION_VERSIONS } from '../versions';

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };

const yamlOf = (input: Parameters<typeof generateFrom>[0], path: string) =>
  parseYaml(generateFrom(input).file(path));

describe('CI workflow', () => {
  it('is least-privilege, cancels superseded runs and tests the chosen Node and the next LTS', () => {
    const ci = yamlOf({ runtime: { nodeVersion: '24' } }, '.github/workflows/ci.yml');
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(ci.concurrency['cancel-in-progress']).toBe(true);
    const job = ci.jobs.test;
    expect(job.strategy.matrix.node).toEqual(['24', '26']);
    expect(job.steps[1].with.cache).toBe('npm');
    const commands = job.steps.map((s: Step) => s.run).join('\n');
    for (const command of ['npm run lint', 'npm run typecheck', 'npm test']) {
      expect(commands).toContain(command);
    }
  });

  it.each([
    ['22', ['22', '24']],
    ['24', ['24', '26']],
    ['26', ['26']],
  ] as const)('tests a project on Node %s on %j', (nodeVersion, majors) => {
    const ci = yamlOf({ runtime: { nodeVersion } }, '.github/workflows/ci.yml');
    expect(ci.jobs.test.strategy.matrix.node).toEqual(majors);
    const readme = generateFrom({ runtime: { nodeVersion } }).file('README.md');
    const [chosen, next] = majors;
    expect(readme).toContain(
      next ? `on Node ${chosen} and on Node ${next}, the next LTS` : `on Node ${chosen}.`,
    );
  });

  it('installs pnpm before setup-node and caches its store with pnpm', () => {
    const ci = yamlOf({ runtime: { packageManager: 'pnpm' } }, '.github/workflows/ci.yml');
    const steps: Step[] = ci.jobs.test.steps;
    expect(steps.map((s) => s.uses).slice(0, 3)).toEqual([
      ACTION_VERSIONS.checkout,
      ACTION_VERSIONS.setupPnpm,
      ACTION_VERSIONS.setupNode,
    ]);
    expect(steps[2]?.with).toMatchObject({
      cache: 'pnpm',
      'cache-dependency-path': 'pnpm-lock.yaml',
    });
    expect(steps.map((s) => s.run)).toContain('pnpm install --frozen-lockfile');
  });

  it('runs Redis or PostgreSQL as a service so store tests run for real', () => {
    const redis = yamlOf({ sessions: { store: 'redis' } }, '.github/workflows/ci.yml').jobs.test;
    expect(redis.env.REDIS_URL).toBe('redis://localhost:6379');
    expect(redis.services.redis.image).toMatch(/^redis:/);
    const pg = yamlOf({ sessions: { store: 'postgres' } }, '.github/workflows/ci.yml').jobs.test;
    expect(pg.env.DATABASE_URL).toMatch(/^postgres:\/\//);
  });
});

describe('security and release workflows', () => {
  const all = {
    automation: { codeql: true, dependencyReview: true, release: true },
    project: { name: 'rel-bot' },
  };

  it('CodeQL analyses TypeScript with security-events: write only on its job', () => {
    const codeql = yamlOf(all, '.github/workflows/codeql.yml');
    expect(codeql.jobs.analyze.permissions['security-events']).toBe('write');
    const init = codeql.jobs.analyze.steps.find((s: Step) => s.uses === ACTION_VERSIONS.codeqlInit);
    expect(init.with.languages).toBe('javascript-typescript');
    expect(codeql.on.schedule).toHaveLength(1);
  });

  it('dependency review runs on pull requests', () => {
    const review = yamlOf(all, '.github/workflows/dependency-review.yml');
    expect(Object.keys(review.on)).toEqual(['pull_request']);
    expect(review.jobs.review.steps.at(-1).uses).toBe(ACTION_VERSIONS.dependencyReview);
  });

  it('release-please gets write access on its job and its config and manifest', () => {
    const { file } = generateFrom(all);
    const release = parseYaml(file('.github/workflows/release.yml'));
    expect(release.jobs['release-please'].permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
    });
    expect(release.jobs['release-please'].steps[0].with).toMatchObject({
      'config-file': 'release-please-config.json',
      'manifest-file': '.release-please-manifest.json',
    });
    const config = JSON.parse(file('release-please-config.json'));
    expect(config.packages['.']).toMatchObject({
      'release-type': 'node',
      'package-name': 'rel-bot',
    });
    expect(JSON.parse(file('.release-please-manifest.json'))).toEqual({ '.': '0.1.0' });
  });

  it('dependabot updates npm packages and Actions, holding back only @types/node majors', () => {
    const config = yamlOf(
      { features: ['ai'], ai: { provider: 'openai' } },
      '.github/dependabot.yml',
    );
    expect(config.updates.map((u: Record<string, string>) => u['package-ecosystem'])).toEqual([
      'npm',
      'github-actions',
    ]);
    const ignored = config.updates[0].ignore.map(
      (i: Record<string, string>) => i['dependency-name'],
    );
    expect(ignored).toEqual(['@types/node']);
  });
});
