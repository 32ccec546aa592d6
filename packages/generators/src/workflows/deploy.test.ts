// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Actions expressions and shell expansions are literal text here
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateFrom } from '../../test/helpers';
import { ACTION_VERSIONS, RAILWAY_CLI } from '../versions';

type Step = {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: object;
};

function deployOf(target: 'docker-ghcr' | 'railway' | 'fly' | 'render', ci = true) {
  const generated = generateFrom({
    deploy: { target },
    automation: { ci, deploy: true },
  });
  const workflow = parseYaml(generated.file('.github/workflows/deploy.yml'));
  const steps = workflow.jobs.deploy.steps as Step[];
  return { ...generated, workflow, steps, deployStep: steps.find((step) => step.id === 'deploy') };
}

describe('deploy workflow', () => {
  it('runs after CI succeeds on the default branch, or on demand with a ref to roll back', () => {
    const { workflow } = deployOf('docker-ghcr');
    expect(workflow.on.workflow_run).toEqual({
      workflows: ['CI'],
      types: ['completed'],
      branches: ['main'],
    });
    expect(workflow.on.workflow_dispatch.inputs.ref.type).toBe('string');
    const job = workflow.jobs.deploy;
    expect(job.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(job.if).toContain("github.event.workflow_run.event == 'push'");
    expect(job.if).toContain('head_repository.full_name == github.repository');
    expect(job.environment).toEqual({
      name: 'production',
      url: '${{ github.server_url }}/${{ github.repository }}/pkgs/container/${{ github.event.repository.name }}',
    });
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  it('passes the untrusted ref and SHA only through env and validates them', () => {
    const { steps } = deployOf('render');
    const [choose, checkout] = steps;
    expect(choose?.env).toEqual({
      INPUT_REF: '${{ inputs.ref }}',
      RUN_SHA: '${{ github.event.workflow_run.head_sha }}',
    });
    expect(choose?.run).toContain('=~ ^[A-Za-z0-9]');
    expect(checkout?.with).toEqual({
      ref: '${{ steps.commit.outputs.ref }}',
      'persist-credentials': false,
    });
  });

  it('pushes a SHA-tagged image to GHCR with packages: write only on that job', () => {
    const { workflow, steps } = deployOf('docker-ghcr');
    expect(workflow.jobs.deploy.permissions).toEqual({ contents: 'read', packages: 'write' });
    const uses = steps.map((step) => step.uses).filter(Boolean);
    expect(uses).toEqual([
      ACTION_VERSIONS.checkout,
      ACTION_VERSIONS.dockerSetupBuildx,
      ACTION_VERSIONS.dockerLogin,
      ACTION_VERSIONS.dockerMetadata,
      ACTION_VERSIONS.dockerBuildPush,
    ]);
    const meta = steps.find((step) => step.uses === ACTION_VERSIONS.dockerMetadata);
    expect(meta?.with?.context).toBe('git');
    expect(meta?.with?.tags).toContain('type=sha,format=long');
  });

  it('deploys with each target tool and its token secret', () => {
    const railway = deployOf('railway').deployStep;
    expect(railway?.run).toContain(`npx --yes ${RAILWAY_CLI} up --ci`);
    expect(railway?.env).toMatchObject({ RAILWAY_TOKEN: '${{ secrets.RAILWAY_TOKEN }}' });

    const fly = deployOf('fly');
    expect(fly.steps.map((step) => step.uses)).toContain(ACTION_VERSIONS.setupFlyctl);
    expect(fly.deployStep?.run).toBe('flyctl deploy --remote-only --ha=false');
    expect(fly.deployStep?.env).toEqual({ FLY_API_TOKEN: '${{ secrets.FLY_API_TOKEN }}' });
    expect(fly.paths).toContain('fly.toml');
  });

  it("deploys the tested commit through Render's API, since a deploy hook cannot name one", () => {
    const { deployStep: render, file } = deployOf('render');
    expect(render?.env).toEqual({
      RENDER_API_KEY: '${{ secrets.RENDER_API_KEY }}',
      RENDER_SERVICE_ID: '${{ vars.RENDER_SERVICE_ID }}',
    });
    expect(render?.run).toContain('sha="$(git rev-parse HEAD)"');
    expect(render?.run).toContain('https://api.render.com/v1/services/$RENDER_SERVICE_ID/deploys');
    expect(render?.run).toContain("'{commitId: $sha}'");
    // It waits for the deploy, so the workflow fails when Render's build or start does.
    expect(render?.run).toMatch(/live\) exit 0/);
    expect(render?.run).toMatch(/build_failed \| update_failed/);
    const readme = file('README.md');
    expect(readme).toContain('`RENDER_SERVICE_ID`');
    expect(readme).toContain('Turn **Auto-Deploy** off');
  });

  it('tests the commit itself first when there is no CI workflow', () => {
    const { workflow } = deployOf('fly', false);
    expect(Object.keys(workflow.on)).toEqual(['push', 'workflow_dispatch']);
    expect(workflow.jobs.deploy.needs).toBe('verify');
    const commands = workflow.jobs.verify.steps.map((step: Step) => step.run ?? '').join('\n');
    expect(commands).toContain('npm run typecheck');
    expect(commands).toContain('npm test');
  });

  it('documents the target without a workflow when only the target is chosen', () => {
    const { paths, file } = generateFrom({ deploy: { target: 'fly' } });
    expect(paths).not.toContain('.github/workflows/deploy.yml');
    expect(file('README.md')).toContain('## Deploy to Fly.io');
    expect(file('README.md')).toContain('fly deploy --remote-only');
    expect(file('README.md')).not.toContain('FLY_API_TOKEN');
    const render = generateFrom({ deploy: { target: 'render' } }).file('README.md');
    expect(render).toContain('Render deploys each push to the branch it tracks');
    expect(render).not.toContain('Auto-Deploy** off');
  });
});

describe('fly.toml', () => {
  it('keeps one machine running and checks /health when the project serves it', () => {
    const toml = generateFrom({
      project: { name: 'my_bot.v2' },
      deploy: { target: 'fly' },
    }).file('fly.toml');
    expect(toml).toMatch(/^app = "my-bot-v2"$/m);
    expect(toml).toContain('auto_stop_machines = "off"');
    expect(toml).toContain('path = "/health"');
    const noHealth = generateFrom({ features: [], deploy: { target: 'fly' } }).file('fly.toml');
    expect(noHealth).not.toContain('http_service');
  });
});

describe('health-checked deploys', () => {
  const withHealth = (target: 'fly' | 'render' | 'railway' | 'docker-ghcr', health = true) => {
    const { file } = generateFrom({
      platforms: ['telegram'],
      features: health ? ['commands', 'health'] : ['commands'],
      deploy: { target },
      automation: { deploy: true },
    });
    const job = parseYaml(file('.github/workflows/deploy.yml')).jobs.deploy;
    const byName = (prefix: string) =>
      (job.steps as (Step & { name?: string; if?: string })[]).find((s) =>
        s.name?.startsWith(prefix),
      );
    return { job, byName };
  };

  it('probes /health after deploying and records its origin as the environment URL', () => {
    const { job, byName } = withHealth('render');
    expect(job.environment).toEqual({ name: 'production', url: '${{ steps.health.outputs.url }}' });
    const probe = byName("Check the bot's health");
    expect(probe?.id).toBe('health');
    expect(probe?.env).toEqual({ HEALTH_URL: '${{ vars.HEALTH_URL }}' });
    expect(probe?.run).toContain('--retry 10 --retry-delay 6 --retry-all-errors --max-time 10');
    expect(probe?.run).toContain(
      'echo "::warning::Set the production environment variable HEALTH_URL',
    );
    const steps = job.steps as Step[];
    expect(steps.findIndex((s) => s.id === 'health')).toBeGreaterThan(
      steps.findIndex((s) => s.id === 'deploy'),
    );
    // Fly derives the URL from fly.toml's app name when HEALTH_URL is unset.
    expect(withHealth('fly').byName("Check the bot's health")?.run).toContain(
      'url="https://$app.fly.dev/health"',
    );
  });

  it('rolls back to the last successful production deploy when the probe fails', () => {
    const { job, byName } = withHealth('fly');
    expect(job.permissions).toEqual({ contents: 'read', deployments: 'read' });
    const probeFailed = "failure() && steps.health.outcome == 'failure'";
    const find = byName('Find the last successful deploy');
    expect(find?.if).toBe(probeFailed);
    expect(find?.env).toEqual({ GH_TOKEN: '${{ github.token }}' });
    expect(find?.run).toContain('deployments?environment=production');
    const found = `${probeFailed} && steps.last-good.outputs.sha != ''`;
    const checkout = byName('Check out the last successful deploy');
    expect(checkout).toMatchObject({
      if: found,
      uses: ACTION_VERSIONS.checkout,
      with: { ref: '${{ steps.last-good.outputs.sha }}' },
    });
    expect(byName('Roll back: Deliver')?.if).toBe(found);
    const redeploy = byName('Roll back: Deploy');
    expect(redeploy).toMatchObject({ id: 'rollback-deploy', if: found });
    expect(redeploy?.run).toBe('flyctl deploy --remote-only --ha=false');
    const summary = byName('Summarize the rollback');
    expect(summary?.if).toBe(probeFailed);
    expect(summary?.env).toMatchObject({
      FAILED_SHA: '${{ steps.last-good.outputs.failed }}',
      GOOD_SHA: '${{ steps.last-good.outputs.sha }}',
      REDEPLOY: '${{ steps.rollback-deploy.outcome }}',
    });
    expect(summary?.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(summary?.run).toMatch(/exit 1$/);
  });

  it('warns instead of probing without a health endpoint, and does not probe an image push', () => {
    const { job, byName } = withHealth('railway', false);
    expect(byName("Check the bot's health")?.run).toMatch(/^echo "::warning::/);
    expect(byName('Find the last successful deploy')).toBeUndefined();
    expect(job.permissions).toEqual({ contents: 'read' });
    expect(job.environment).toEqual({ name: 'production' });
    const ghcr = withHealth('docker-ghcr');
    expect(ghcr.byName("Check the bot's health")).toBeUndefined();
    expect(ghcr.job.permissions).toEqual({ contents: 'read', packages: 'write' });
  });
});

describe('finding the last good deploy', () => {
  // The script runs under bash with `gh` and `git` replaced by stubs answering like GitHub.
  const FAILED = 'f'.repeat(40);
  const OLDER = 'a'.repeat(40);
  const OLDEST = 'b'.repeat(40);

  function find(deployments: string, statuses: Record<string, string>) {
    const { file } = generateFrom({
      platforms: ['telegram'],
      features: ['commands', 'health'],
      deploy: { target: 'fly' },
      automation: { deploy: true },
    });
    const steps = parseYaml(file('.github/workflows/deploy.yml')).jobs.deploy.steps as Step[];
    const script = steps.find((s) => s.id === 'last-good')?.run ?? '';
    const dir = mkdtempSync(join(tmpdir(), 'last-good-'));
    try {
      const cases = Object.entries(statuses)
        .map(([id, answer]) => `*deployments/${id}/statuses*) echo '${answer}' ;;`)
        .join('\n');
      writeFileSync(
        join(dir, 'gh'),
        `#!/usr/bin/env bash\ncase "$2" in\n*deployments/*/statuses*) case "$2" in\n${cases}\n*) echo false ;; esac ;;\n*) printf '%s\\n' ${deployments} ;;\nesac\n`,
      );
      writeFileSync(join(dir, 'git'), `#!/usr/bin/env bash\necho ${FAILED}\n`);
      chmodSync(join(dir, 'gh'), 0o755);
      chmodSync(join(dir, 'git'), 0o755);
      const output = join(dir, 'output');
      writeFileSync(output, '');
      const result = spawnSync('bash', ['-e', '-c', script], {
        env: {
          PATH: `${dir}:${process.env.PATH ?? ''}`,
          GITHUB_OUTPUT: output,
          GITHUB_REPOSITORY: 'o/r',
        },
        encoding: 'utf8',
      });
      return { ...result, output: readFileSync(output, 'utf8') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('picks the newest deployment with a success status and another commit', () => {
    const result = find(`"3 ${FAILED}" "2 ${OLDER}" "1 ${OLDEST}"`, {
      '3': 'true',
      '2': 'false',
      '1': 'true',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.output).toBe(`failed=${FAILED}\nsha=${OLDEST}\n`);
  });

  it('says so when there is no earlier good deploy', () => {
    const result = find(`"3 ${FAILED}" "2 not-a-sha"`, { '3': 'true', '2': 'true' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('::error::No earlier successful deploy of production');
    expect(result.output).toBe(`failed=${FAILED}\nsha=\n`);
  });
});

describe('compose.yaml for the image', () => {
  it('runs the pushed image with .env, a restart policy and the health check', () => {
    const { file, paths } = generateFrom({
      platforms: ['telegram'],
      features: ['commands', 'health'],
      deploy: { target: 'docker-ghcr' },
      automation: { deploy: true },
    });
    const compose = parseYaml(file('compose.yaml'));
    expect(Object.keys(compose)).toEqual(['services']);
    expect(compose.services.bot).toMatchObject({
      image: 'ghcr.io/OWNER/REPO:latest',
      env_file: '.env',
      restart: 'unless-stopped',
      ports: ['3000:3000'],
    });
    expect(compose.services.bot.healthcheck.test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(compose.services.bot.healthcheck.test[3]).toContain('/health');
    expect(paths).toContain('compose.yaml');
    expect(file('README.md')).toContain(
      'docker run -d --restart unless-stopped --env-file .env ghcr.io/OWNER/REPO:latest',
    );
    const bare = parseYaml(
      generateFrom({
        platforms: ['discord'],
        features: ['commands'],
        deploy: { target: 'docker-ghcr' },
        automation: { deploy: true },
      }).file('compose.yaml'),
    );
    expect(bare.services.bot.healthcheck).toBeUndefined();
    expect(bare.services.bot.ports).toBeUndefined();
  });
});
