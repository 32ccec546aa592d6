import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { stateView } from '../control/state-view';
import { GitHubError, notFound } from '../errors';
import { releaseHeld } from '../http/faults';
import { parseBody } from '../http/validate';
import { parseScopes } from '../scopes';
import { nextId } from '../state';
import { redeliver } from '../webhooks/send';
import { registerAvatarRoutes } from './avatars';
import { registerControlRepoRoutes } from './control-repos';
import { registerDevPage } from './dev-page';

const userSchema = z.object({
  login: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/),
  id: z.number().int().optional(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  plan: z.enum(['free', 'pro']).optional(),
  orgs: z.record(z.string(), z.enum(['admin', 'member'])).optional(),
});

const orgSchema = z.object({
  login: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/),
  name: z.string().nullish(),
  members: z.record(z.string(), z.enum(['admin', 'member'])).optional(),
  membersCanCreateRepositories: z.boolean().optional(),
  plan: z.enum(['free', 'team']).optional(),
});

const clientSchema = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  name: z.string().optional(),
  callback_url: z.string().url().optional(),
  callback_urls: z.array(z.string().url()).optional(),
});

const tokenSchema = z.object({
  login: z.string(),
  scopes: z.union([z.array(z.string()), z.string()]).optional(),
  client_id: z.string().nullish(),
});

const faultSchema = z
  .object({
    method: z.string().optional(),
    path: z.string().min(1),
    /** `null` (with `holdMs`): answer as usual, only late. */
    status: z.number().int().min(100).max(599).nullable().optional(),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    times: z.number().int().min(1).optional(),
    holdMs: z
      .number()
      .int()
      .min(0)
      .max(10 * 60_000)
      .optional(),
    drop: z.boolean().optional(),
  })
  .refine((f) => f.status != null || f.drop || (f.holdMs ?? 0) > 0, {
    message: 'a fault needs a status, drop or holdMs',
  });

const settingsSchema = z.object({
  autoRuns: z
    .object({
      conclusion: z.enum(['success', 'failure', 'cancelled']),
      delayMs: z.number().int().min(0).optional(),
    })
    .nullable()
    .optional(),
});

/** The control API under `/_emulator`: state, reset, users, clients, tokens, faults, settings. */
export function registerControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/_emulator/reset', async (_request, reply) => {
    await ctx.store.idle();
    ctx.store.reset();
    return reply.code(204).send();
  });

  app.get('/_emulator/state', async () => stateView(ctx.store.state));

  // Waits until background webhook deliveries and simulated runs have finished.
  app.get('/_emulator/idle', async (_request, reply) => {
    await ctx.store.idle();
    return reply.code(204).send();
  });

  app.post('/_emulator/users', async (request, reply) => {
    const state = ctx.store.state;
    const input = parseBody(userSchema, request.body);
    const key = input.login.toLowerCase();
    if (state.users.has(key) || state.orgs.has(key))
      throw new GitHubError(422, 'login already exists');
    const user = {
      id: input.id ?? nextId(state, 'user'),
      login: input.login,
      name: input.name ?? null,
      email: input.email ?? null,
      plan: input.plan ?? 'free',
      createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    state.users.set(key, user);
    for (const [org, role] of Object.entries(input.orgs ?? {})) {
      state.orgs.get(org.toLowerCase())?.members.set(key, role);
    }
    return reply.code(201).send(user);
  });

  app.post('/_emulator/orgs', async (request, reply) => {
    const state = ctx.store.state;
    const input = parseBody(orgSchema, request.body);
    const key = input.login.toLowerCase();
    if (state.users.has(key) || state.orgs.has(key))
      throw new GitHubError(422, 'login already exists');
    const members = new Map(
      Object.entries(input.members ?? {}).map(([login, role]) => [login.toLowerCase(), role]),
    );
    const org = {
      id: nextId(state, 'user'),
      login: input.login,
      name: input.name ?? null,
      description: null,
      membersCanCreateRepositories: input.membersCanCreateRepositories ?? true,
      members,
      plan: input.plan ?? 'free',
      createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    state.orgs.set(key, org);
    return reply.code(201).send({ ...org, members: Object.fromEntries(members) });
  });

  app.post('/_emulator/clients', async (request, reply) => {
    const input = parseBody(clientSchema, request.body);
    const callbackUrls = input.callback_urls ?? (input.callback_url ? [input.callback_url] : []);
    if (callbackUrls.length === 0) throw new GitHubError(422, 'callback_url is required');
    const client = {
      clientId: input.client_id,
      clientSecret: input.client_secret,
      name: input.name ?? input.client_id,
      callbackUrls,
    };
    ctx.store.state.clients.set(client.clientId, client);
    return reply.code(201).send(client);
  });

  app.post('/_emulator/tokens', async (request, reply) => {
    const input = parseBody(tokenSchema, request.body);
    if (!ctx.store.state.users.has(input.login.toLowerCase())) throw notFound();
    const scopes = Array.isArray(input.scopes)
      ? parseScopes(input.scopes.join(' '))
      : parseScopes(input.scopes);
    return reply.code(201).send(ctx.store.mintToken(input.login, scopes, input.client_id ?? null));
  });

  app.delete('/_emulator/tokens/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!ctx.store.state.tokens.delete(token)) throw notFound();
    return reply.code(204).send();
  });

  app.post('/_emulator/faults', async (request, reply) => {
    const input = parseBody(faultSchema, request.body);
    const fault = {
      id: nextId(ctx.store.state, 'other'),
      method: (input.method ?? '*').toUpperCase(),
      path: input.path,
      status: input.status ?? null,
      body: input.body,
      headers: input.headers ?? {},
      holdMs: input.holdMs ?? 0,
      drop: input.drop ?? false,
      remaining: input.times ?? 1,
    };
    ctx.store.state.faults.push(fault);
    return reply.code(201).send(fault);
  });

  app.delete('/_emulator/faults', async (_request, reply) => {
    ctx.store.state.faults = [];
    releaseHeld(ctx.store.state);
    return reply.code(204).send();
  });

  app.post('/_emulator/settings', async (request) => {
    const input = parseBody(settingsSchema, request.body);
    if (input.autoRuns !== undefined) {
      ctx.store.state.settings.autoRuns = input.autoRuns
        ? { conclusion: input.autoRuns.conclusion, delayMs: input.autoRuns.delayMs ?? 0 }
        : null;
    }
    return ctx.store.state.settings;
  });

  app.post('/_emulator/deliveries/:id/redeliver', async (request) => {
    const delivery = await redeliver(
      ctx.store.state,
      Number((request.params as { id: string }).id),
    );
    if (!delivery) throw notFound();
    return delivery;
  });

  registerControlRepoRoutes(app, ctx);
  registerAvatarRoutes(app, ctx);
  registerDevPage(app, ctx);
}
