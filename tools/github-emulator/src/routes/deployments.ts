import type { FastifyInstance } from 'fastify';
import { readableRepo } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { notFound } from '../errors';
import { paginate } from '../http/paginate';
import { deploymentJson, deploymentStatusJson } from '../json/hook';

type Params = { owner: string; repo: string; id: string };

/** Read-only deployments (created by simulated runs of workflows with an `environment`). */
export function registerDeploymentRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/repos/:owner/:repo/deployments', async (request, reply) => {
    const { owner, repo: name } = request.params as Params;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    const q = request.query as Record<string, string | undefined>;
    const urls = urlsFor(ctx, request);
    const list = repo.deployments
      .filter(
        (d) => (!q.environment || d.environment === q.environment) && (!q.sha || d.sha === q.sha),
      )
      .filter((d) => !q.ref || d.ref === q.ref)
      .sort((a, b) => b.id - a.id);
    return paginate(request, reply, list).map((d) =>
      deploymentJson(ctx.store.state, urls, repo, d),
    );
  });

  app.get('/repos/:owner/:repo/deployments/:id/statuses', async (request, reply) => {
    const { owner, repo: name, id } = request.params as Params;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    const deployment = repo.deployments.find((d) => d.id === Number(id));
    if (!deployment) throw notFound();
    const urls = urlsFor(ctx, request);
    const statuses = [...deployment.statuses].reverse();
    return paginate(request, reply, statuses).map((s) =>
      deploymentStatusJson(ctx.store.state, urls, repo, deployment, s),
    );
  });
}
