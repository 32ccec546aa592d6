import { findDeployment, listDeployments, listDeploymentTimings } from '@botsmith/db';
import {
  deploymentStatsInputSchema,
  listDeploymentsInputSchema,
  redeployInputSchema,
} from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { deploymentChanges } from '../deployments/deployment-changes';
import { DEPLOY_WORKFLOW, dispatchRedeploy, planRedeploy } from '../deployments/redeploy';
import { computeDeploymentStats } from '../deployments/stats';
import { octokitForUser } from '../github/octokit';
import { protectedProcedure, router } from '../trpc/init';
import { loadOwnProject } from '../trpc/resource-procedures';
import { subscriptionProcedure } from '../trpc/subscription-procedure';
import { uuidCursor } from './project';

/** Deployments of the caller's projects: the dashboard's list, stats, live updates, redeploy. */
export const deploymentRouter = router({
  /** Newest first; filter by project and status. */
  list: protectedProcedure
    .meta({ permission: 'deployment:read' })
    .input(listDeploymentsInputSchema.extend(uuidCursor).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      if (input.projectId) await loadOwnProject(ctx.db, ctx.user.id, input.projectId);
      return listDeployments(ctx.db, ctx.user.id, input);
    }),

  /** Per project, or over all the caller's projects without `projectId`. */
  stats: protectedProcedure
    .meta({ permission: 'deployment:read' })
    .input(deploymentStatsInputSchema.default({}))
    .query(async ({ ctx, input }) => {
      if (input.projectId) await loadOwnProject(ctx.db, ctx.user.id, input.projectId);
      const timings = await listDeploymentTimings(ctx.db, ctx.user.id, input.projectId);
      return computeDeploymentStats(timings, new Date());
    }),

  /**
   * Deploys the commit of an earlier successful deployment again (a rollback when it is older
   * than the current one) by dispatching the deploy workflow with its `ref`.
   */
  redeploy: protectedProcedure
    .meta({ permission: 'deployment:redeploy' })
    .input(redeployInputSchema)
    .mutation(async ({ ctx, input }) => {
      const deployment = await findDeployment(ctx.db, ctx.user.id, input.deploymentId);
      if (!deployment) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such deployment.' });
      const project = await loadOwnProject(ctx.db, ctx.user.id, deployment.projectId);
      const plan = planRedeploy(deployment, project);
      await dispatchRedeploy(await octokitForUser(ctx, ctx.user.id), plan);
      await ctx.audit(
        'deployment.redeployed',
        {
          deploymentId: deployment.id,
          commitSha: plan.commitSha,
          workflow: DEPLOY_WORKFLOW,
          workflowRef: plan.workflowRef,
        },
        { projectId: project.id },
      );
      return { dispatched: true as const, workflow: DEPLOY_WORKFLOW, commitSha: plan.commitSha };
    }),

  /** Each deployment of the caller's projects as it changes (SSE), from now on. */
  changes: subscriptionProcedure
    .meta({ permission: 'deployment:read' })
    .input(z.object({ projectId: z.uuid().optional() }).default({}))
    .subscription(async function* ({ ctx, input, signal }) {
      if (input.projectId) await loadOwnProject(ctx.db, ctx.user.id, input.projectId);
      yield* deploymentChanges(ctx.db, ctx.user.id, { projectId: input.projectId, signal });
    }),
});
