import type { EmulatorContext } from '../context';
import type { Urls } from '../json/urls';
import type { Repo, WorkflowRun } from '../state';
import { workflowRunEvent } from '../webhooks/payloads';
import { deliverEvent } from '../webhooks/send';
import { createRun, driveRun } from './runs';
import { listWorkflows, type Workflow } from './workflows';

/**
 * Delivers `workflow_run` `requested` for a new run, then — when the `autoRuns` setting is
 * on — drives it to the configured conclusion. Runs in the background (see `store.idle()`).
 */
export function startRun(
  ctx: EmulatorContext,
  repo: Repo,
  run: WorkflowRun,
  workflow: Workflow,
  urls: Urls,
): void {
  const auto = ctx.store.state.settings.autoRuns;
  const state = ctx.store.state;
  ctx.store.track(
    (async () => {
      await deliverEvent(
        state,
        repo,
        workflowRunEvent(state, urls, repo, run, workflow, 'requested'),
      );
      if (!auto) return;
      await driveRun(ctx, repo, run, workflow, {
        conclusion: auto.conclusion,
        steps: ['in_progress', 'completed'],
        delayMs: auto.delayMs,
        urls,
      });
      startFollowUpRuns(ctx, repo, run, urls);
    })(),
  );
}

/** Workflows triggered by `workflow_run` of the finished run (e.g. a deploy gated on CI). */
function startFollowUpRuns(
  ctx: EmulatorContext,
  repo: Repo,
  finished: WorkflowRun,
  urls: Urls,
): void {
  for (const workflow of listWorkflows(ctx.store.state, repo)) {
    if (
      !workflow.triggers.includes('workflow_run') ||
      !workflow.afterWorkflows.includes(finished.name)
    )
      continue;
    const run = createRun(ctx, repo, workflow, {
      event: 'workflow_run',
      branch: finished.headBranch,
      headSha: finished.headSha,
      actor: finished.actorLogin,
    });
    startRun(ctx, repo, run, workflow, urls);
  }
}

/**
 * With `autoRuns` on, a push to the default branch starts every workflow triggered by `push`
 * (off by default so tests decide when runs happen).
 */
export function startPushRuns(
  ctx: EmulatorContext,
  repo: Repo,
  push: { branch: string; headSha: string; actor: string },
  urls: Urls,
): WorkflowRun[] {
  if (!ctx.store.state.settings.autoRuns || push.branch !== repo.defaultBranch) return [];
  return listWorkflows(ctx.store.state, repo)
    .filter((workflow) => workflow.triggers.includes('push'))
    .map((workflow) => {
      const run = createRun(ctx, repo, workflow, { event: 'push', ...push });
      startRun(ctx, repo, run, workflow, urls);
      return run;
    });
}
