import type { RequestError } from 'octokit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../src/index';
import { sealForPublicKey, sodiumReady } from '../src/secrets/sealed-box';
import { control, octokitFor, startReceiver, startTestEmulator, tokenFor } from './helpers';

let github: GitHubEmulator;
beforeAll(async () => {
  await sodiumReady;
  github = await startTestEmulator();
});
afterAll(() => github.stop());
beforeEach(() => github.store.reset());

const repo = { owner: 'octocat', repo: 'bot' };

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 0,
    (error: RequestError) => error.status,
  );

async function setUp(options: { private?: boolean } = {}) {
  const octokit = octokitFor(github.url, await tokenFor(github, 'octocat', ['repo']));
  await octokit.rest.repos.createForAuthenticatedUser({
    name: 'bot',
    auto_init: true,
    private: options.private ?? false,
  });
  return octokit;
}

interface EnvironmentState {
  reviewers: { type: string; id: number }[];
  deploymentBranchPolicy: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
  branchPolicies: { name: string; type: string }[];
  secrets: Record<string, string | null>;
  encryptedSecrets: Record<string, string | null>;
  variables: Record<string, string>;
}
interface RepoState {
  secrets: Record<string, string | null>;
  encryptedSecrets: Record<string, string | null>;
  variables: Record<string, string>;
  environments: Record<string, EnvironmentState>;
  deployments: { environment: string; states: string[]; environmentUrl: string | null }[];
}
async function repoState(): Promise<RepoState> {
  const { body } = await control<{ repos: RepoState[] }>(github, 'GET', '/_emulator/state');
  return body.repos[0] as RepoState;
}

describe('deployment environments', () => {
  it('creates an environment with reviewers and a custom branch policy, idempotently', async () => {
    const octokit = await setUp();
    const put = () =>
      octokit.rest.repos.createOrUpdateEnvironment({
        ...repo,
        environment_name: 'production',
        reviewers: [{ type: 'User', id: 583231 }],
        deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
      });
    const { data: created } = await put();
    expect(created.name).toBe('production');
    expect(created.deployment_branch_policy).toEqual({
      protected_branches: false,
      custom_branch_policies: true,
    });
    expect(created.protection_rules?.map((r) => r.type).sort()).toEqual([
      'branch_policy',
      'required_reviewers',
    ]);
    await put();
    const { data: policy } = await octokit.rest.repos.createDeploymentBranchPolicy({
      ...repo,
      environment_name: 'production',
      name: 'main',
      type: 'branch',
    });
    expect(policy).toMatchObject({ name: 'main', type: 'branch' });
    // The same pattern again answers GitHub's 303 to the existing policy (fetch follows it).
    const { data: again } = await octokit.rest.repos.createDeploymentBranchPolicy({
      ...repo,
      environment_name: 'production',
      name: 'main',
      type: 'branch',
    });
    expect(again.id).toBe(policy.id);
    const { data: list } = await octokit.rest.repos.getAllEnvironments(repo);
    expect(list.total_count).toBe(1);
    const state = await repoState();
    expect(state.environments.production?.reviewers).toEqual([{ type: 'User', id: 583231 }]);
    expect(state.environments.production?.branchPolicies).toEqual([
      { name: 'main', type: 'branch' },
    ]);

    await octokit.rest.repos.deleteAnEnvironment({ ...repo, environment_name: 'production' });
    expect(
      await statusOf(
        octokit.rest.repos.getEnvironment({ ...repo, environment_name: 'production' }),
      ),
    ).toBe(404);
  });

  it('refuses required reviewers on a private repository (422) but not the branch policy', async () => {
    const octokit = await setUp({ private: true });
    expect(
      await statusOf(
        octokit.rest.repos.createOrUpdateEnvironment({
          ...repo,
          environment_name: 'production',
          reviewers: [{ type: 'User', id: 583231 }],
        }),
      ),
    ).toBe(422);
    expect((await repoState()).environments).toEqual({});
    const { status } = await octokit.rest.repos.createOrUpdateEnvironment({
      ...repo,
      environment_name: 'production',
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    });
    expect(status).toBe(200);
  });

  it('refuses branch policies unless the environment uses custom ones', async () => {
    const octokit = await setUp();
    await octokit.rest.repos.createOrUpdateEnvironment({ ...repo, environment_name: 'staging' });
    expect(
      await statusOf(
        octokit.rest.repos.createDeploymentBranchPolicy({
          ...repo,
          environment_name: 'staging',
          name: 'main',
        }),
      ),
    ).toBe(404);
  });
});

describe('environment secrets', () => {
  it('have their own key, store only ciphertext, and list, get and delete by name', async () => {
    const octokit = await setUp();
    await octokit.rest.repos.createOrUpdateEnvironment({ ...repo, environment_name: 'production' });
    const { data: repoKey } = await octokit.rest.actions.getRepoPublicKey(repo);
    const { data: key } = await octokit.rest.actions.getEnvironmentPublicKey({
      ...repo,
      environment_name: 'production',
    });
    expect(key.key).not.toBe(repoKey.key);
    const sealed = sealForPublicKey(key.key, 'render-api-key');
    const put = (encrypted_value: string, key_id = key.key_id) =>
      octokit.rest.actions.createOrUpdateEnvironmentSecret({
        ...repo,
        environment_name: 'production',
        secret_name: 'RENDER_API_KEY',
        encrypted_value,
        key_id,
      });
    expect((await put(sealed)).status).toBe(201);
    expect((await put(sealForPublicKey(key.key, 'rotated'))).status).toBe(204);
    // Sealed for the repository's key: the environment's key cannot open it.
    expect(await statusOf(put(sealForPublicKey(repoKey.key, 'x'), repoKey.key_id))).toBe(422);
    expect(await statusOf(put(sealForPublicKey(repoKey.key, 'x')))).toBe(422);

    const state = await repoState();
    const production = state.environments.production as EnvironmentState;
    expect(production.secrets).toEqual({ RENDER_API_KEY: 'rotated' });
    expect(production.encryptedSecrets.RENDER_API_KEY).not.toContain('rotated');
    expect(state.secrets).toEqual({});
    expect(github.store.environmentSecret('octocat', 'bot', 'production', 'RENDER_API_KEY')).toBe(
      'rotated',
    );

    const { data: list } = await octokit.rest.actions.listEnvironmentSecrets({
      ...repo,
      environment_name: 'production',
    });
    expect(list.secrets.map((s) => s.name)).toEqual(['RENDER_API_KEY']);
    const { data: one } = await octokit.rest.actions.getEnvironmentSecret({
      ...repo,
      environment_name: 'production',
      secret_name: 'render_api_key',
    });
    expect(one).not.toHaveProperty('value');
    await octokit.rest.actions.deleteEnvironmentSecret({
      ...repo,
      environment_name: 'production',
      secret_name: 'RENDER_API_KEY',
    });
    expect((await repoState()).environments.production?.secrets).toEqual({});
  });

  it('answer 404 for an environment that does not exist', async () => {
    const octokit = await setUp();
    expect(
      await statusOf(
        octokit.rest.actions.getEnvironmentPublicKey({ ...repo, environment_name: 'production' }),
      ),
    ).toBe(404);
  });
});

describe('Actions variables', () => {
  it('repository and environment variables: 201, 409, 204, paginated list, delete', async () => {
    const octokit = await setUp();
    await octokit.rest.repos.createOrUpdateEnvironment({ ...repo, environment_name: 'production' });
    const env = { ...repo, environment_name: 'production' };
    expect(
      (
        await octokit.rest.actions.createEnvironmentVariable({
          ...env,
          name: 'RENDER_SERVICE_ID',
          value: 'srv-1',
        })
      ).status,
    ).toBe(201);
    expect(
      await statusOf(
        octokit.rest.actions.createEnvironmentVariable({
          ...env,
          name: 'render_service_id',
          value: 'srv-2',
        }),
      ),
    ).toBe(409);
    expect(
      (
        await octokit.rest.actions.updateEnvironmentVariable({
          ...env,
          name: 'RENDER_SERVICE_ID',
          value: 'srv-2',
        })
      ).status,
    ).toBe(204);
    const { data: one } = await octokit.rest.actions.getEnvironmentVariable({
      ...env,
      name: 'RENDER_SERVICE_ID',
    });
    expect(one.value).toBe('srv-2');

    for (let i = 0; i < 12; i++) {
      await octokit.rest.actions.createRepoVariable({ ...repo, name: `V_${i}`, value: String(i) });
    }
    const { data: page } = await octokit.rest.actions.listRepoVariables(repo);
    expect(page.total_count).toBe(12);
    expect(page.variables).toHaveLength(10);
    const all = await octokit.paginate(octokit.rest.actions.listRepoVariables, {
      ...repo,
      per_page: 5,
    });
    expect(all).toHaveLength(12);

    expect(
      await statusOf(
        octokit.rest.actions.createRepoVariable({ ...repo, name: 'GITHUB_X', value: 'v' }),
      ),
    ).toBe(422);
    expect(
      await statusOf(
        octokit.rest.actions.createRepoVariable({
          ...repo,
          name: 'BIG',
          value: 'x'.repeat(48 * 1024 + 1),
        }),
      ),
    ).toBe(422);
    await octokit.rest.actions.deleteEnvironmentVariable({ ...env, name: 'RENDER_SERVICE_ID' });
    expect(
      await statusOf(
        octokit.rest.actions.deleteEnvironmentVariable({ ...env, name: 'RENDER_SERVICE_ID' }),
      ),
    ).toBe(404);
    const state = await repoState();
    expect(state.environments.production?.variables).toEqual({});
    expect(Object.keys(state.variables)).toHaveLength(12);
  });
});

describe('simulated deploys', () => {
  it('deploy the default branch head with an environment_url and deliver both events', async () => {
    const octokit = await setUp();
    const receiver = await startReceiver();
    try {
      await octokit.rest.repos.createWebhook({
        ...repo,
        config: { url: receiver.url, content_type: 'json' },
        events: ['deployment', 'deployment_status'],
      });
      const { status, body } = await control<{ states: string[]; sha: string }>(
        github,
        'POST',
        '/_emulator/repos/octocat/bot/deployments',
        { environment_url: 'https://bot.example.com', state: 'success' },
      );
      expect(status).toBe(201);
      expect(body.states).toEqual(['in_progress', 'success']);
      await github.store.idle();
      const events = receiver.received.map((r) => r.headers['x-github-event']);
      expect(events).toEqual(['ping', 'deployment', 'deployment_status', 'deployment_status']);
      const last = JSON.parse(receiver.received.at(-1)?.body ?? '{}');
      expect(last.deployment_status.environment_url).toBe('https://bot.example.com');
      expect(last.deployment_status.state).toBe('success');
      expect(last.deployment.sha).toBe(body.sha);

      const [deployment] = (await octokit.rest.repos.listDeployments(repo)).data;
      const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
        ...repo,
        deployment_id: deployment?.id ?? 0,
      });
      expect(statuses[0]?.environment_url).toBe('https://bot.example.com');
      expect((await repoState()).deployments[0]?.environmentUrl).toBe('https://bot.example.com');
      expect(
        (
          await control(github, 'POST', '/_emulator/repos/octocat/bot/deployments', {
            environment_url: 'javascript:alert(1)',
            state: 'success',
          })
        ).status,
      ).toBe(422);
    } finally {
      await receiver.close();
    }
  });
});
