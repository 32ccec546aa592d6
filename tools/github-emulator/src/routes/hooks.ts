import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acceptScopes, writableRepo } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { type GitHubError, notFound, validationFailed } from '../errors';
import { paginate } from '../http/paginate';
import { parseBody } from '../http/validate';
import { deliveryJson, hookJson } from '../json/hook';
import { type Hook, nextId, type Repo } from '../state';
import { pingEvent } from '../webhooks/payloads';
import { deliverToHook, redeliver } from '../webhooks/send';

type Params = { owner: string; repo: string; id: string; delivery_id: string };

const config = z.object({
  url: z.string().optional(),
  content_type: z.enum(['json', 'form']).optional(),
  secret: z.string().nullish(),
  insecure_ssl: z.union([z.string(), z.number()]).optional(),
});

const createSchema = z.object({
  name: z.literal('web').optional(),
  config,
  events: z.array(z.string()).optional(),
  active: z.boolean().optional(),
});

const updateSchema = z.object({
  config: config.optional(),
  events: z.array(z.string()).optional(),
  add_events: z.array(z.string()).optional(),
  remove_events: z.array(z.string()).optional(),
  active: z.boolean().optional(),
});

const READ_SCOPES = ['admin:repo_hook', 'read:repo_hook', 'repo', 'write:repo_hook'];
const WRITE_SCOPES = ['admin:repo_hook', 'repo', 'write:repo_hook'];
const DELETE_SCOPES = ['admin:repo_hook', 'repo'];

function hookError(message: string): GitHubError {
  return validationFailed([{ resource: 'Hook', code: 'custom', message }]);
}

function validUrl(url: string | undefined): string {
  if (!url) throw hookError('Config must contain URL for webhooks');
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return url;
  } catch {
    // fall through to GitHub's message
  }
  throw hookError('Config url is not supported');
}

function stamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Repository webhooks: CRUD, pings, and the deliveries API (list, show, redeliver). */
export function registerHookRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  // Hooks need admin rights on the repository and a hook-capable scope.
  const access = (request: FastifyRequest, reply: FastifyReply, scopes: string[]) => {
    const { owner, repo } = request.params as Params;
    acceptScopes(reply, scopes);
    return writableRepo(ctx.store.state, request, owner, repo, { admin: true, scopes });
  };
  const findHook = (repo: Repo, id: string): Hook => {
    const hook = repo.hooks.get(Number(id));
    if (!hook) throw notFound('https://docs.github.com/rest/repos/webhooks');
    return hook;
  };
  const ping = (request: FastifyRequest, repo: Repo, hook: Hook, sender: string) => {
    const state = ctx.store.state;
    const event = pingEvent(state, urlsFor(ctx, request), repo, hook, sender);
    const guid = randomUUID();
    ctx.store.track(
      deliverToHook(state, repo, hook, 'ping', { payload: event.payload, guid, redelivery: false }),
    );
  };

  app.post('/repos/:owner/:repo/hooks', async (request, reply) => {
    const { repo, auth } = access(request, reply, WRITE_SCOPES);
    const input = parseBody(createSchema, request.body);
    const url = validUrl(input.config.url);
    const events = input.events ?? ['push'];
    if (
      [...repo.hooks.values()].some(
        (h) => h.config.url === url && h.events.join() === events.join(),
      )
    ) {
      throw hookError('Hook already exists on this repository');
    }
    if (repo.hooks.size >= 20)
      throw hookError('The "web" hook exceeded the limit of 20 on this repository');
    const now = stamp();
    const hook: Hook = {
      id: nextId(ctx.store.state, 'hook'),
      active: input.active ?? true,
      events,
      config: {
        url,
        // GitHub's default content type is `form`, not `json`.
        contentType: input.config.content_type ?? 'form',
        secret: input.config.secret || null,
        insecureSsl: String(input.config.insecure_ssl ?? '0') === '1' ? '1' : '0',
      },
      createdAt: now,
      updatedAt: now,
      lastResponse: { code: null, status: 'unused', message: null },
    };
    repo.hooks.set(hook.id, hook);
    // GitHub pings a new hook right away.
    ping(request, repo, hook, auth.user.login);
    return reply.code(201).send(hookJson(urlsFor(ctx, request), repo, hook));
  });

  app.get('/repos/:owner/:repo/hooks', async (request, reply) => {
    const { repo } = access(request, reply, READ_SCOPES);
    const urls = urlsFor(ctx, request);
    return paginate(request, reply, [...repo.hooks.values()]).map((h) => hookJson(urls, repo, h));
  });

  app.get('/repos/:owner/:repo/hooks/:id', async (request, reply) => {
    const { repo } = access(request, reply, READ_SCOPES);
    return hookJson(urlsFor(ctx, request), repo, findHook(repo, (request.params as Params).id));
  });

  app.patch('/repos/:owner/:repo/hooks/:id', async (request, reply) => {
    const { repo } = access(request, reply, WRITE_SCOPES);
    const hook = findHook(repo, (request.params as Params).id);
    const input = parseBody(updateSchema, request.body);
    if (input.config) {
      hook.config = {
        url: validUrl(input.config.url ?? hook.config.url),
        contentType: input.config.content_type ?? hook.config.contentType,
        secret:
          input.config.secret === undefined ? hook.config.secret : input.config.secret || null,
        insecureSsl:
          input.config.insecure_ssl === undefined
            ? hook.config.insecureSsl
            : String(input.config.insecure_ssl) === '1'
              ? '1'
              : '0',
      };
    }
    let events = input.events ?? hook.events;
    events = [...new Set([...events, ...(input.add_events ?? [])])];
    events = events.filter((e) => !(input.remove_events ?? []).includes(e));
    hook.events = events;
    if (input.active !== undefined) hook.active = input.active;
    hook.updatedAt = stamp();
    return hookJson(urlsFor(ctx, request), repo, hook);
  });

  app.delete('/repos/:owner/:repo/hooks/:id', async (request, reply) => {
    const { repo } = access(request, reply, DELETE_SCOPES);
    const hook = findHook(repo, (request.params as Params).id);
    repo.hooks.delete(hook.id);
    return reply.code(204).send();
  });

  app.post('/repos/:owner/:repo/hooks/:id/pings', async (request, reply) => {
    const { repo, auth } = access(request, reply, WRITE_SCOPES);
    ping(request, repo, findHook(repo, (request.params as Params).id), auth.user.login);
    return reply.code(204).send();
  });

  app.get('/repos/:owner/:repo/hooks/:id/deliveries', async (request, reply) => {
    const { repo } = access(request, reply, READ_SCOPES);
    const hook = findHook(repo, (request.params as Params).id);
    const deliveries = ctx.store.state.deliveries.filter((d) => d.hookId === hook.id).reverse();
    return paginate(request, reply, deliveries).map((d) => deliveryJson(d, false));
  });

  app.get('/repos/:owner/:repo/hooks/:id/deliveries/:delivery_id', async (request, reply) => {
    const { repo } = access(request, reply, READ_SCOPES);
    const params = request.params as Params;
    const hook = findHook(repo, params.id);
    const delivery = ctx.store.state.deliveries.find(
      (d) => d.hookId === hook.id && d.id === Number(params.delivery_id),
    );
    if (!delivery) throw notFound();
    return deliveryJson(delivery, true);
  });

  app.post(
    '/repos/:owner/:repo/hooks/:id/deliveries/:delivery_id/attempts',
    async (request, reply) => {
      const { repo } = access(request, reply, WRITE_SCOPES);
      const params = request.params as Params;
      const hook = findHook(repo, params.id);
      const delivery = ctx.store.state.deliveries.find(
        (d) => d.hookId === hook.id && d.id === Number(params.delivery_id),
      );
      if (!delivery) throw notFound();
      ctx.store.track(redeliver(ctx.store.state, delivery.id));
      return reply.code(202).send({});
    },
  );
}
