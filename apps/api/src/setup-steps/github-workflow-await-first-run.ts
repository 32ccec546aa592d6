import { z } from 'zod';
import { notifyDeploymentChanged } from '../deployments/deployment-events';
import {
  deploymentFromWorkflowRun,
  type WorkflowRun,
  workflowRunSchema,
} from '../deployments/deployment-from-workflow-run';
import { recordDeployment } from '../deployments/record-deployment';
import { sleep } from '../setup/github-retry';
import type { SetupStep, StepContext } from './setup-step';
import { githubWorkflowAwaitFirstRunOutput } from './step-outputs';

const workflowRunsSchema = z.array(workflowRunSchema);

/** The run to report: a failed one if any, else the first (the CI run on our commit). */
function pick(runs: WorkflowRun[]): WorkflowRun | undefined {
  return (
    runs.find((run) => run.conclusion === 'failure') ?? [...runs].sort((a, b) => a.id - b.id)[0]
  );
}

async function failingJob(ctx: StepContext, runId: number): Promise<string | null> {
  const { owner, name: repo } = ctx.repo;
  const jobs = await ctx.github.rest.actions.listJobsForWorkflowRun({
    owner,
    repo,
    run_id: runId,
    per_page: 100,
  });
  return jobs.data.jobs.find((job) => job.conclusion === 'failure')?.name ?? null;
}

/**
 * Puts the first runs on the dashboard. They may finish before the webhook exists (it is
 * registered after the commit), so their deliveries would never reach us; the mapping a
 * `workflow_run` delivery takes keeps both paths one row per run.
 */
async function recordFirstRuns(
  ctx: StepContext,
  runs: WorkflowRun[],
  failedRunId: number,
  failingJobName: string | null,
): Promise<void> {
  let changed = false;
  for (const run of runs) {
    const { key, facts } = deploymentFromWorkflowRun(run, 'completed');
    const known = run.id === failedRunId ? { ...facts, failingJob: failingJobName } : facts;
    if (await recordDeployment(ctx.db, ctx.project, key, known)) changed = true;
  }
  if (changed) notifyDeploymentChanged(ctx.project.ownerId);
}

/**
 * Follows the workflow runs the commit started until they complete (polling with backoff,
 * bounded). A failed run does not fail the setup — the repository exists — it is shown,
 * with the failing job named. Its only writes are the deployment rows, which the
 * deployments' transition rule keeps at one per run however often it records them.
 */
export const githubWorkflowAwaitFirstRunStep: SetupStep<
  'github:workflow:await-first-run',
  typeof githubWorkflowAwaitFirstRunOutput
> = {
  id: 'github:workflow:await-first-run',
  description: 'Follows the first workflow runs of the commit and records them as deployments.',
  output: githubWorkflowAwaitFirstRunOutput,
  async run(ctx) {
    const { owner, name: repo, defaultBranch: branch } = ctx.repo;
    const headSha = ctx.outputOf('github:files:commit').commitSha;
    // The deadline counts from the first attempt, not from each restart.
    const started = await ctx.checkpoint('waiting-since', async () => Date.now());
    ctx.log.info({ headSha }, 'following the first workflow runs');
    let interval = ctx.timings.firstRunPollMs;
    let last: WorkflowRun | undefined;
    while (Date.now() - started < ctx.timings.firstRunTimeoutMs) {
      const { data } = await ctx.github.rest.actions.listWorkflowRunsForRepo({
        owner,
        repo,
        head_sha: headSha,
        branch,
        per_page: 100,
      });
      const runs = workflowRunsSchema.parse(data.workflow_runs);
      last = pick(runs);
      if (runs.length > 0 && runs.every((run) => run.status === 'completed') && last) {
        const job = last.conclusion === 'failure' ? await failingJob(ctx, last.id) : null;
        await recordFirstRuns(ctx, runs, last.id, job);
        const name = last.name ?? 'The first run';
        ctx.log.info({ runId: last.id, conclusion: last.conclusion }, 'the first runs completed');
        return {
          status: 'succeeded',
          message:
            last.conclusion === 'success'
              ? `${name} passed.`
              : `${name} ended with ${last.conclusion}${job ? ` in “${job}”` : ''}.`,
          output: {
            waitingSince: started,
            runId: last.id,
            workflowName: last.name ?? null,
            status: 'completed',
            conclusion: last.conclusion ?? null,
            htmlUrl: last.html_url ?? null,
            failingJob: job,
          },
        };
      }
      if (last && last.status !== ctx.saved.status) {
        // The browser shows the run while it goes.
        await ctx.save({
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
    ctx.log.info({ runId: last?.id ?? null }, 'the first runs did not finish in time');
    return {
      status: 'succeeded',
      message: 'The first run had not finished in time; follow it on GitHub.',
      output: {
        waitingSince: started,
        runId: last?.id ?? null,
        workflowName: last?.name ?? null,
        status: last?.status ?? 'timed_out',
        conclusion: null,
        htmlUrl: last?.html_url ?? null,
        failingJob: null,
      },
    };
  },
};
