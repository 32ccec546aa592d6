import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorContext } from '../context';
import type { Urls } from '../json/urls';
import { createEnvironment } from '../routes/environments';
import {
  type Deployment,
  nextId,
  type Repo,
  type RunConclusion,
  type RunStatus,
  type WorkflowJob,
  type WorkflowRun,
} from '../state';
import { deploymentEvent, deploymentStatusEvent, workflowRunEvent } from '../webhooks/payloads';
import { deliverEvent } from '../webhooks/send';
import type { DeclaredJob, Workflow } from './workflows';

/** The outcome a simulated run ends with. */
export type SimulatedConclusion = 'success' | 'failure' | 'cancelled';

/** How to drive a run through its states. */
export interface DriveOptions {
  conclusion: SimulatedConclusion;
  /** Job (key or name) that fails when `conclusion` is `failure`; default the first job. */
  failingJob?: string;
  steps: RunStatus[];
  delayMs: number;
  urls: Urls;
}

function declaredJobs(workflow: Workflow): DeclaredJob[] {
  if (workflow.jobs.length > 0) return workflow.jobs;
  return [{ key: 'build', name: 'build', needs: [], environment: null, steps: [] }];
}

/** Creates a queued run (and its jobs) of `workflow` at `headSha`. */
export function createRun(
  ctx: EmulatorContext,
  repo: Repo,
  workflow: Workflow,
  trigger: { event: string; branch: string; headSha: string; actor: string },
): WorkflowRun {
  const state = ctx.store.state;
  const now = new Date().toISOString();
  const previous = repo.runs.filter((r) => r.workflowId === workflow.id).length;
  const jobs: WorkflowJob[] = declaredJobs(workflow).map((job) => ({
    id: nextId(state, 'job'),
    name: job.name,
    status: 'queued',
    conclusion: null,
    startedAt: null,
    completedAt: null,
    steps: ['Set up job', ...job.steps, 'Complete job'].map((name, i) => ({
      name,
      status: 'queued' as RunStatus,
      conclusion: null,
      number: i + 1,
    })),
  }));
  const run: WorkflowRun = {
    id: nextId(state, 'run'),
    runNumber: previous + 1,
    runAttempt: 1,
    workflowId: workflow.id,
    workflowPath: workflow.path,
    name: workflow.name,
    event: trigger.event,
    status: 'queued',
    conclusion: null,
    headBranch: trigger.branch,
    headSha: trigger.headSha,
    actorLogin: trigger.actor.toLowerCase(),
    createdAt: now,
    updatedAt: now,
    runStartedAt: now,
    jobs,
  };
  repo.runs.push(run);
  return run;
}

// Jobs that (transitively) need the failed job are skipped, as Actions does.
function jobConclusions(workflow: Workflow, options: DriveOptions): Map<string, RunConclusion> {
  const jobs = declaredJobs(workflow);
  const out = new Map<string, RunConclusion>();
  if (options.conclusion !== 'failure') {
    for (const job of jobs) out.set(job.name, options.conclusion);
    return out;
  }
  const failing =
    jobs.find((j) => j.key === options.failingJob || j.name === options.failingJob) ?? jobs[0];
  const skipped = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const job of jobs) {
      if (skipped.has(job.key) || job.key === failing?.key) continue;
      if (job.needs.some((n) => n === failing?.key || skipped.has(n))) {
        skipped.add(job.key);
        grew = true;
      }
    }
  }
  for (const job of jobs) {
    out.set(
      job.name,
      job.key === failing?.key ? 'failure' : skipped.has(job.key) ? 'skipped' : 'success',
    );
  }
  return out;
}

function completeJob(job: WorkflowJob, conclusion: RunConclusion, now: string): void {
  job.status = 'completed';
  job.conclusion = conclusion;
  job.startedAt ??= now;
  job.completedAt = now;
  const lastDeclared = job.steps.length - 2;
  job.steps.forEach((step, i) => {
    step.status = 'completed';
    if (conclusion === 'failure') {
      // The last declared step fails; "Complete job" still runs.
      step.conclusion = i < lastDeclared || i === job.steps.length - 1 ? 'success' : 'failure';
    } else {
      step.conclusion = conclusion;
    }
  });
}

/** What a deployment event names besides the deployment: the run that made it, if any. */
export interface DeploymentContext {
  run: WorkflowRun | null;
  workflow: Workflow | null;
  urls: Urls;
}

/** Records a deployment of `sha` to `environment` and delivers the `deployment` event. */
export async function createDeployment(
  ctx: EmulatorContext,
  repo: Repo,
  target: { sha: string; ref: string; environment: string; creatorLogin: string },
  context: DeploymentContext,
): Promise<Deployment> {
  const state = ctx.store.state;
  const now = new Date().toISOString();
  // GitHub creates the environment the first time a deployment names it.
  if (!repo.environments.has(target.environment.toLowerCase())) {
    createEnvironment(state, repo, target.environment);
  }
  const deployment: Deployment = {
    id: nextId(state, 'other'),
    sha: target.sha,
    ref: target.ref,
    environment: target.environment,
    description: null,
    creatorLogin: target.creatorLogin,
    runId: context.run?.id ?? null,
    createdAt: now,
    updatedAt: now,
    statuses: [],
  };
  repo.deployments.push(deployment);
  await deliverEvent(state, repo, deploymentEvent(state, context.urls, repo, deployment, context));
  return deployment;
}

/**
 * Adds a status to `deployment` and delivers `deployment_status`. `environmentUrl` is where
 * the deployed app answers (GitHub keeps the last one given); `logUrl` defaults to the run.
 */
export async function setDeploymentState(
  ctx: EmulatorContext,
  repo: Repo,
  deployment: Deployment,
  deploymentState: Deployment['statuses'][number]['state'],
  context: DeploymentContext & { environmentUrl?: string; logUrl?: string },
): Promise<void> {
  const state = ctx.store.state;
  const now = new Date().toISOString();
  const previousUrl = deployment.statuses.at(-1)?.environmentUrl ?? '';
  deployment.statuses.push({
    id: nextId(state, 'other'),
    state: deploymentState,
    description: `Deployment ${deploymentState.replace('_', ' ')}`,
    environmentUrl: context.environmentUrl ?? previousUrl,
    logUrl:
      context.logUrl ??
      (context.run
        ? `${context.urls.web}/${repo.owner}/${repo.name}/actions/runs/${context.run.id}`
        : ''),
    createdAt: now,
  });
  deployment.updatedAt = now;
  await deliverEvent(
    state,
    repo,
    deploymentStatusEvent(state, context.urls, repo, deployment, context),
  );
}

/**
 * Moves a run through `options.steps`, delivering `workflow_run` `requested` →
 * `in_progress` → `completed` in order (each awaited). Jobs declaring an `environment` also
 * produce a deployment with `deployment` and `deployment_status` events.
 */
export async function driveRun(
  ctx: EmulatorContext,
  repo: Repo,
  run: WorkflowRun,
  workflow: Workflow,
  options: DriveOptions,
): Promise<WorkflowRun> {
  const state = ctx.store.state;
  const environment = declaredJobs(workflow).find((j) => j.environment)?.environment ?? null;
  let deployment: Deployment | null = null;
  const context = { run, workflow, urls: options.urls };
  for (const [index, step] of options.steps.entries()) {
    if (index > 0 && options.delayMs > 0) await sleep(options.delayMs);
    const now = new Date().toISOString();
    run.status = step;
    run.updatedAt = now;
    if (step === 'queued') {
      await deliverEvent(
        state,
        repo,
        workflowRunEvent(state, options.urls, repo, run, workflow, 'requested'),
      );
    } else if (step === 'in_progress') {
      run.runStartedAt = now;
      for (const job of run.jobs) {
        job.status = 'in_progress';
        job.startedAt = now;
      }
      await deliverEvent(
        state,
        repo,
        workflowRunEvent(state, options.urls, repo, run, workflow, 'in_progress'),
      );
      if (environment) {
        deployment = await createDeployment(
          ctx,
          repo,
          { sha: run.headSha, ref: run.headBranch, environment, creatorLogin: run.actorLogin },
          context,
        );
        await setDeploymentState(ctx, repo, deployment, 'in_progress', context);
      }
    } else {
      const conclusions = jobConclusions(workflow, options);
      for (const job of run.jobs)
        completeJob(job, conclusions.get(job.name) ?? options.conclusion, now);
      run.conclusion = options.conclusion;
      await deliverEvent(
        state,
        repo,
        workflowRunEvent(state, options.urls, repo, run, workflow, 'completed'),
      );
      if (deployment) {
        const final =
          options.conclusion === 'success'
            ? 'success'
            : options.conclusion === 'failure'
              ? 'failure'
              : 'inactive';
        await setDeploymentState(ctx, repo, deployment, final, context);
      }
    }
  }
  return run;
}
