import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { GitHubError, notFound } from '../errors';
import { paginate } from '../http/paginate';
import { parseBody } from '../http/validate';
import type { StoredVariable } from '../state';
import { actionsName, githubNow, type ScopeParams, secretScopeOf } from './secret-scope';

const DOCS = 'https://docs.github.com/rest/actions/variables';

/** GitHub's limit on one configuration variable's value. */
const MAX_VALUE_BYTES = 48 * 1024;

const valueSchema = z.string().refine((value) => Buffer.byteLength(value) <= MAX_VALUE_BYTES, {
  message: 'must be at most 48 KB',
});
const createSchema = z.object({ name: z.string().min(1), value: valueSchema });
const updateSchema = z.object({
  name: z.string().min(1).optional(),
  value: valueSchema.optional(),
});

function variableJson(variable: StoredVariable) {
  return {
    name: variable.name,
    value: variable.value,
    created_at: variable.createdAt,
    updated_at: variable.updatedAt,
  };
}

/**
 * Actions configuration variables of a repository (`/repos/:o/:r/actions/variables`) and of an
 * environment (`/repos/:o/:r/environments/:env/variables`): create (201, 409 when it exists),
 * update (204), get, list (10 per page by default, at most 30, with `total_count`), delete.
 */
export function registerVariableRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  for (const base of [
    '/repos/:owner/:repo/actions/variables',
    '/repos/:owner/:repo/environments/:env/variables',
  ]) {
    app.post(base, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      const input = parseBody(createSchema, request.body);
      const name = actionsName(input.name, 'Variable', DOCS);
      if (scope.variables.has(name)) {
        throw new GitHubError(409, 'Already exists - Variable already exists', {
          documentationUrl: DOCS,
        });
      }
      const now = githubNow();
      scope.variables.set(name, { name, value: input.value, createdAt: now, updatedAt: now });
      return reply.code(201).send({});
    });

    app.patch(`${base}/:name`, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      const current = ((request.params as ScopeParams).name ?? '').toUpperCase();
      const variable = scope.variables.get(current);
      if (!variable) throw notFound(DOCS);
      const input = parseBody(updateSchema, request.body);
      const name = input.name === undefined ? current : actionsName(input.name, 'Variable', DOCS);
      if (name !== current && scope.variables.has(name)) {
        throw new GitHubError(409, 'Already exists - Variable already exists', {
          documentationUrl: DOCS,
        });
      }
      scope.variables.delete(current);
      scope.variables.set(name, {
        ...variable,
        name,
        value: input.value ?? variable.value,
        updatedAt: githubNow(),
      });
      return reply.code(204).send();
    });

    app.get(base, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      const variables = [...scope.variables.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(variableJson);
      return {
        total_count: variables.length,
        variables: paginate(request, reply, variables, { perPage: 10, maxPerPage: 30 }),
      };
    });

    app.get(`${base}/:name`, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      const name = ((request.params as ScopeParams).name ?? '').toUpperCase();
      const variable = scope.variables.get(name);
      if (!variable) throw notFound(DOCS);
      return variableJson(variable);
    });

    app.delete(`${base}/:name`, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      const name = ((request.params as ScopeParams).name ?? '').toUpperCase();
      if (!scope.variables.delete(name)) throw notFound(DOCS);
      return reply.code(204).send();
    });
  }
}
