import type { RequestError } from 'octokit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../src/index';
import { control, octokitFor, startReceiver, startTestEmulator, tokenFor } from './helpers';

let github: GitHubEmulator;
beforeAll(async () => {
  github = await startTestEmulator();
});
afterAll(() => github.stop());
beforeEach(() => github.store.reset());

const DEPLOY = `name: Deploy
on:
  workflow_run:
    workflows: [CI]
    types: [completed]
  workflow_dispatch:
    inputs:
      ref:
        description: Commit to deploy
        required: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: echo deploy
`;
const CI =
  'name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pnpm test\n';

async function setup() {
  await control(github, 'POST', '/_emulator/repos', {
    owner: 'octocat',
    name: 'bot',
    files: { '.github/workflows/ci.yml': CI, '.github/workflows/deploy.yml': DEPLOY },
  });
  return octokitFor(github.url, await tokenFor(github, 'octocat', ['repo', 'workflow']));
}

describe('Actions workflows and runs', () => {
  it('lists workflows from .github/workflows with stable ids', async () => {
    const octokit = await setup();
    const first = await octokit.rest.actions.listRepoWorkflows({ owner: 'octocat', repo: 'bot' });
    const second = await octokit.rest.actions.listRepoWorkflows({ owner: 'octocat', repo: 'bot' });
    expect(first.data.total_count).toBe(2);
    expect(first.data.workflows.map((w) => [w.name, w.path, w.state])).toEqual([
      ['CI', '.github/workflows/ci.yml', 'active'],
      ['Deploy', '.github/workflows/deploy.yml', 'active'],
    ]);
    expect(second.data.workflows.map((w) => w.id)).toEqual(first.data.workflows.map((w) => w.id));
    const byFile = await octokit.rest.actions.getWorkflow({
      owner: 'octocat',
      repo: 'bot',
      workflow_id: 'deploy.yml',
    });
    expect(byFile.data.id).toBe(first.data.workflows[1]?.id);
  });

  it('records a workflow_dispatch, creates a queued run and validates inputs', async () => {
    const octokit = await setup();
    const head = github.store.snapshot('octocat', 'bot')?.sha;
    const { status } = await octokit.rest.actions.createWorkflowDispatch({
      owner: 'octocat',
      repo: 'bot',
      workflow_id: 'deploy.yml',
      ref: 'main',
      inputs: { ref: head as string },
    });
    expect(status).toBe(204);
    const { data: runs } = await octokit.rest.actions.listWorkflowRunsForRepo({
      owner: 'octocat',
      repo: 'bot',
      event: 'workflow_dispatch',
    });
    expect(runs.workflow_runs).toHaveLength(1);
    expect(runs.workflow_runs[0]).toMatchObject({
      status: 'queued',
      conclusion: null,
      head_sha: head,
      name: 'Deploy',
    });
    const { body } = await control<{
      dispatches: { repo: string; ref: string; inputs: unknown }[];
    }>(github, 'GET', '/_emulator/state');
    expect(body.dispatches).toEqual([
      expect.objectContaining({ repo: 'octocat/bot', ref: 'main', inputs: { ref: head } }),
    ]);

    const rejected = async (request: Promise<unknown>) =>
      request.then(
        () => 0,
        (error: RequestError) => [
          error.status,
          (error.response?.data as { message?: string } | undefined)?.message,
        ],
      );
    expect(
      await rejected(
        octokit.rest.actions.createWorkflowDispatch({
          owner: 'octocat',
          repo: 'bot',
          workflow_id: 'ci.yml',
          ref: 'main',
        }),
      ),
    ).toEqual([422, "Workflow does not have 'workflow_dispatch' trigger"]);
    expect(
      await rejected(
        octokit.rest.actions.createWorkflowDispatch({
          owner: 'octocat',
          repo: 'bot',
          workflow_id: 'deploy.yml',
          ref: 'main',
        }),
      ),
    ).toEqual([422, "Required input 'ref' not provided"]);
    expect(
      await rejected(
        octokit.rest.actions.createWorkflowDispatch({
          owner: 'octocat',
          repo: 'bot',
          workflow_id: 'deploy.yml',
          ref: 'nope',
          inputs: { ref: 'x' },
        }),
      ),
    ).toEqual([422, 'No ref found for: nope']);
  });

  it('drives a dispatched run to completion from the control API', async () => {
    const octokit = await setup();
    await octokit.rest.actions.createWorkflowDispatch({
      owner: 'octocat',
      repo: 'bot',
      workflow_id: 'deploy.yml',
      ref: 'main',
      inputs: { ref: 'main' },
    });
    await github.store.idle();
    const queued = github.store.repo('octocat', 'bot')?.runs[0];
    const { body: run } = await control<{ status: string; conclusion: string }>(
      github,
      'POST',
      '/_emulator/repos/octocat/bot/runs',
      { workflow: 'deploy.yml', conclusion: 'success', run_id: queued?.id },
    );
    expect(run).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      event: 'workflow_dispatch',
    });
    const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({
      owner: 'octocat',
      repo: 'bot',
      status: 'success',
    });
    expect(data.total_count).toBe(1);
  });

  it('runs push workflows, then workflow_run followers, on a push when autoRuns is on', async () => {
    const receiver = await startReceiver();
    try {
      const octokit = await setup();
      await octokit.rest.repos.createWebhook({
        owner: 'octocat',
        repo: 'bot',
        config: { url: receiver.url, content_type: 'json' },
        events: ['workflow_run'],
      });
      await control(github, 'POST', '/_emulator/settings', { autoRuns: { conclusion: 'success' } });
      const { data: ref } = await octokit.rest.git.getRef({
        owner: 'octocat',
        repo: 'bot',
        ref: 'heads/main',
      });
      const { data: head } = await octokit.rest.git.getCommit({
        owner: 'octocat',
        repo: 'bot',
        commit_sha: ref.object.sha,
      });
      const { data: commit } = await octokit.rest.git.createCommit({
        owner: 'octocat',
        repo: 'bot',
        message: 'empty change',
        tree: head.tree.sha,
        parents: [head.sha],
      });
      await octokit.rest.git.updateRef({
        owner: 'octocat',
        repo: 'bot',
        ref: 'heads/main',
        sha: commit.sha,
      });
      await control(github, 'GET', '/_emulator/idle');
      const actions = receiver.received
        .filter((r) => r.headers['x-github-event'] === 'workflow_run')
        .map((r) => JSON.parse(r.body))
        .map((p) => [p.workflow_run.name, p.action, p.workflow_run.event, p.workflow_run.head_sha]);
      expect(actions).toEqual([
        ['CI', 'requested', 'push', commit.sha],
        ['CI', 'in_progress', 'push', commit.sha],
        ['CI', 'completed', 'push', commit.sha],
        ['Deploy', 'requested', 'workflow_run', commit.sha],
        ['Deploy', 'in_progress', 'workflow_run', commit.sha],
        ['Deploy', 'completed', 'workflow_run', commit.sha],
      ]);
    } finally {
      await receiver.close();
    }
  });
});
