// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Actions expressions and shell expansions are literal text here
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
    expect(fly.deployStep?.run).toBe('flyctl deploy --remote-only');
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
