import { notifyDeploymentChanged } from '../../deployments/deployment-events';
import { recordDeployment } from '../../deployments/record-deployment';
import { mapEvent } from '../../webhooks/map-event';
import { sleep } from '../github-retry';
import type { SetupStep, StepContext } from '../step-types';

type Run = {
  id: number;
  status: string | null;
  conclusion: string | null;
  html_url: string;
  name?: string | null;
};

/** The run to report: a failed one if any, else the first (the CI run on our commit). */
function pick(runs: Run[]): Run | undefined {
  return (
    runs.find((run) => run.conclusion === 'failure') ?? [...runs].sort((a, b) => a.id - b.id)[0]
  );
}

async function failingJob(
  ctx: StepContext,
  owner: string,
  repo: string,
  runId: number,
): Promise<string | null> {
  const jobs = await ctx.github(() =>
    ctx.octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: runId, per_page: 100 }),
  );
  return jobs.data.jobs.find((job) => job.conclusion === 'failure')?.name ?? null;
}

/**
 * Puts the first runs on the dashboard. They may finish before the webhook exists (it is
 * registered after the commit), so their deliveries would never reach us; the same mapping as
 * a `workflow_run` delivery keeps both paths one row per run.
 */
async function recordFirstRuns(
  ctx: StepContext,
  runs: Run[],
  failedRunId: number,
  failingJobName: string | null,
): Promise<void> {
  let changed = false;
  for (const run of runs) {
    const effect = mapEvent('workflow_run', { action: 'completed', workflow_run: run });
    if (effect.kind !== 'deployment') continue;
    const facts =
      run.id === failedRunId ? { ...effect.facts, failingJob: failingJobName } : effect.facts;
    if (await recordDeployment(ctx.db, ctx.project, effect.key, facts)) changed = true;
  }
  if (changed) notifyDeploymentChanged(ctx.project.ownerId);
}

/**
 * Follows the workflow runs the commit started until they complete (polling with backoff,
 * bounded). A failed run does not fail the setup — the repository exists — it is shown,
 * with the failing job named.
 */
export const firstRunStep: SetupStep = {
  name: 'first_run',
  async run(ctx) {
    const [owner = '', repo = ''] = String(ctx.outputs.create_repo?.fullName ?? '').split('/');
    const branch = String(ctx.outputs.create_repo?.defaultBranch ?? 'main');
    const headSha = String(ctx.outputs.commit_files?.commitSha ?? '');
    const started =
      typeof ctx.output.waitingSince === 'number' ? ctx.output.waitingSince : Date.now();
    await ctx.checkpoint({ waitingSince: started });
    let interval = ctx.timings.firstRunPollMs;
    let last: Run | undefined;
    while (Date.now() - started < ctx.timings.firstRunTimeoutMs) {
      const { data } = await ctx.github(() =>
        ctx.octokit.rest.actions.listWorkflowRunsForRepo({
          owner,
          repo,
          head_sha: headSha,
          branch,
          per_page: 100,
        }),
      );
      const runs = data.workflow_runs as Run[];
      last = pick(runs);
      if (runs.length > 0 && runs.every((run) => run.status === 'completed') && last) {
        const job =
          last.conclusion === 'failure' ? await failingJob(ctx, owner, repo, last.id) : null;
        await recordFirstRuns(ctx, runs, last.id, job);
        const output = {
          waitingSince: started,
          runId: last.id,
          workflowName: last.name ?? null,
          status: 'completed',
          conclusion: last.conclusion,
          htmlUrl: last.html_url,
          failingJob: job,
        };
        const message =
          last.conclusion === 'success'
            ? `${last.name ?? 'The first run'} passed.`
            : `${last.name ?? 'The first run'} ended with ${last.conclusion}${job ? ` in “${job}”` : ''}.`;
        return { status: 'succeeded', message, output };
      }
      if (last && last.status !== ctx.output.status) {
        await ctx.checkpoint({
          runId: last.id,
          status: last.status,
          conclusion: null,
          htmlUrl: last.html_url,
          failingJob: null,
        });
      }
      await sleep(interval, ctx.signal);
      interval = Math.min(interval * 2, 15_000);
    }
    return {
      status: 'succeeded',
      message: 'The first run had not finished in time; follow it on GitHub.',
      output: {
        waitingSince: started,
        runId: last?.id ?? null,
        status: last?.status ?? 'timed_out',
        conclusion: null,
        htmlUrl: last?.html_url ?? null,
        failingJob: null,
      },
    };
  },
};
