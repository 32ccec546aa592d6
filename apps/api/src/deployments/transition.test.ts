import type { Deployment, DeploymentFacts } from '@botsmith/db';
import { describe, expect, it } from 'vitest';
import { mergeDeployment } from './transition';

const started = new Date('2026-11-20T10:00:00Z');
const finished = new Date('2026-11-20T10:03:00Z');

function stored(overrides: Partial<Deployment>): Deployment {
  return {
    id: 'd1',
    projectId: 'p1',
    source: 'workflow_run',
    externalId: '42',
    status: 'queued',
    workflowName: 'CI',
    commitSha: 'abc',
    commitMessage: null,
    committedAt: null,
    branch: 'main',
    environment: null,
    url: null,
    logsUrl: 'https://github.com/o/r/actions/runs/42',
    failingJob: null,
    startedAt: started,
    completedAt: null,
    createdAt: started,
    updatedAt: started,
    ...overrides,
  };
}

describe('mergeDeployment', () => {
  it('writes every known fact for a new deployment, dropping unknown ones', () => {
    const facts: DeploymentFacts = { status: 'queued', commitSha: 'abc', url: null };
    expect(mergeDeployment(undefined, facts)).toEqual({ status: 'queued', commitSha: 'abc' });
  });

  it('moves forward: queued → in_progress → success', () => {
    expect(mergeDeployment(stored({}), { status: 'in_progress', startedAt: started })).toEqual({
      status: 'in_progress',
    });
    expect(
      mergeDeployment(stored({ status: 'in_progress' }), {
        status: 'success',
        startedAt: started,
        completedAt: finished,
      }),
    ).toEqual({ status: 'success', completedAt: finished });
  });

  it('never moves a finished deployment back to in_progress (out-of-order delivery)', () => {
    const done = stored({ status: 'success', completedAt: finished });
    expect(mergeDeployment(done, { status: 'in_progress', startedAt: started })).toBeNull();
    expect(mergeDeployment(done, { status: 'queued' })).toBeNull();
  });

  it('keeps the first finished state when a different one arrives for the same attempt', () => {
    const done = stored({ status: 'failure', completedAt: finished });
    expect(mergeDeployment(done, { status: 'success', startedAt: started })).toBeNull();
  });

  it('fills facts still unknown from a late event without changing the status', () => {
    const done = stored({ status: 'success', completedAt: finished });
    expect(
      mergeDeployment(done, { status: 'in_progress', commitMessage: 'fix: things', url: null }),
    ).toEqual({ commitMessage: 'fix: things' });
  });

  it('a repeated event changes nothing', () => {
    const row = stored({ status: 'in_progress' });
    expect(
      mergeDeployment(row, { status: 'in_progress', startedAt: started, commitSha: 'abc' }),
    ).toBeNull();
  });

  it('a re-run (same id, later start) starts over and forgets the old outcome', () => {
    const failed = stored({ status: 'failure', completedAt: finished, failingJob: 'test' });
    const again = new Date('2026-11-20T11:00:00Z');
    expect(mergeDeployment(failed, { status: 'in_progress', startedAt: again })).toEqual({
      status: 'in_progress',
      startedAt: again,
      completedAt: null,
      failingJob: null,
    });
  });
});
