import { describe, expect, it } from 'vitest';
import { examplePayload } from '../testing/webhook-fixtures';
import { deploymentState, MalformedPayloadError, mapEvent } from './map-event';

const REPO = 'alice/bot';

describe('mapEvent on GitHub’s example payloads', () => {
  it('workflow_run completed/success → a finished workflow_run deployment', () => {
    const payload = examplePayload(
      'workflow_run',
      REPO,
      (e) => (e.workflow_run as { conclusion: string }).conclusion === 'success',
    );
    const run = payload.workflow_run as Record<string, string> & {
      head_commit: { message: string; timestamp: string };
    };
    expect(mapEvent('workflow_run', payload)).toEqual({
      kind: 'deployment',
      key: { source: 'workflow_run', externalId: String(run.id) },
      facts: {
        status: 'success',
        workflowName: run.name,
        commitSha: run.head_sha,
        commitMessage: run.head_commit.message,
        committedAt: new Date(run.head_commit.timestamp),
        branch: run.head_branch,
        logsUrl: run.html_url,
        startedAt: new Date(run.run_started_at as string),
        completedAt: new Date(run.updated_at as string),
      },
      failedRunId: null,
    });
  });

  it('workflow_run requested → queued, not completed yet', () => {
    const payload = examplePayload('workflow_run', REPO, (e) => e.action === 'requested');
    const effect = mapEvent('workflow_run', payload);
    expect(effect).toMatchObject({
      kind: 'deployment',
      facts: { status: 'queued', completedAt: null },
    });
  });

  it('a failed run asks for its failing job', () => {
    const payload = examplePayload('workflow_run', REPO, (e) => e.action === 'completed');
    Object.assign(payload.workflow_run as object, { status: 'completed', conclusion: 'failure' });
    const effect = mapEvent('workflow_run', payload);
    expect(effect).toMatchObject({
      kind: 'deployment',
      facts: { status: 'failure' },
      failedRunId: (payload.workflow_run as { id: number }).id,
    });
  });

  it('deployment created → queued GitHub deployment with environment, ref and sha', () => {
    const payload = examplePayload('deployment', REPO);
    const deployment = payload.deployment as Record<string, string>;
    expect(mapEvent('deployment', payload)).toMatchObject({
      kind: 'deployment',
      key: { source: 'deployment', externalId: String(deployment.id) },
      facts: {
        status: 'queued',
        environment: deployment.environment,
        commitSha: deployment.sha,
        branch: deployment.ref,
      },
    });
  });

  it('deployment_status → its state, environment URL and log URL', () => {
    const payload = examplePayload(
      'deployment_status',
      REPO,
      (e) => (e.deployment_status as { state: string }).state === 'success',
    );
    Object.assign(payload.deployment_status as object, {
      environment_url: 'https://bot.example',
      log_url: 'https://logs.example/1',
    });
    expect(mapEvent('deployment_status', payload)).toMatchObject({
      kind: 'deployment',
      facts: { status: 'success', url: 'https://bot.example', logsUrl: 'https://logs.example/1' },
    });
    for (const unsafe of [
      'javascript:alert(1)',
      'ftp://bot.example',
      `https://${'a'.repeat(2000)}`,
    ]) {
      Object.assign(payload.deployment_status as object, { environment_url: unsafe });
      expect(mapEvent('deployment_status', payload)).toMatchObject({ facts: { url: null } });
    }
    Object.assign(payload.deployment_status as object, { state: 'inactive' });
    expect(mapEvent('deployment_status', payload)).toMatchObject({ kind: 'noop' });
  });

  it('push → activity metadata; ping → its hook id; anything else → ignored', () => {
    const push = examplePayload('push', REPO);
    expect(mapEvent('push', push)).toMatchObject({
      kind: 'push',
      metadata: { event: 'push', ref: push.ref, after: push.after },
    });
    const ping = examplePayload('ping', REPO);
    expect(mapEvent('ping', ping)).toEqual({ kind: 'ping', hookId: ping.hook_id });
    expect(mapEvent('star', examplePayload('star', REPO))).toEqual({ kind: 'ignored' });
  });

  it('a handled event missing a field we rely on is malformed (dead-lettered at once)', () => {
    expect(() => mapEvent('workflow_run', { action: 'completed' })).toThrow(MalformedPayloadError);
    expect(() => mapEvent('push', { ref: 7 })).toThrow(/^push payload: /);
  });
});

describe('clipped text', () => {
  it('never ends on half of a surrogate pair (jsonb refuses a lone one)', () => {
    const push = examplePayload('push', REPO);
    (push.head_commit as Record<string, unknown>).message = `${'a'.repeat(1999)}🚀 and more`;
    const effect = mapEvent('push', push);
    const message = effect.kind === 'push' ? String(effect.metadata.message) : '';
    expect(message).toBe(`${'a'.repeat(1999)}\ufffd`);
  });
});

describe('status mapping', () => {
  it('folds deployment status states into our statuses', () => {
    expect(deploymentState('error')).toBe('failure');
    expect(deploymentState('pending')).toBe('queued');
    expect(deploymentState('inactive')).toBeNull();
  });
});
