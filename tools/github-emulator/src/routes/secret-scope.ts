import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptScopes, writableRepo } from '../auth';
import type { EmulatorContext } from '../context';
import { GitHubError, notFound } from '../errors';
import type { Environment, Repo } from '../state';

/** Route params of every secrets/variables route; `env` only under `/environments/:env`. */
export type ScopeParams = { owner: string; repo: string; env?: string; name?: string };

const ENVIRONMENTS_DOCS = 'https://docs.github.com/rest/deployments/environments';

/** The environment `name` of `repo` (names are case-insensitive), or GitHub's 404. */
export function findEnvironment(repo: Repo, name: string): Environment {
  const environment = repo.environments.get(name.toLowerCase());
  if (!environment) throw notFound(ENVIRONMENTS_DOCS);
  return environment;
}

/**
 * The repository the caller may manage Actions settings of, and the scope a route acts on:
 * the repository itself, or its environment `:env`. Classic tokens need `repo` even for
 * public repositories; a missing environment is a 404.
 */
export function secretScopeOf(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
): { repo: Repo; scope: Repo | Environment } {
  const { owner, repo: name, env } = request.params as ScopeParams;
  acceptScopes(reply, ['repo']);
  const { repo } = writableRepo(ctx.store.state, request, owner, name, { scopes: ['repo'] });
  return { repo, scope: env === undefined ? repo : findEnvironment(repo, env) };
}

/**
 * GitHub's naming rules for secrets and variables (`what` names which in the message); names
 * are case-insensitive and stored upper-case.
 */
export function actionsName(raw: string, what: 'Secret' | 'Variable', docs: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(raw)) {
    throw new GitHubError(
      422,
      `${what} names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_). Spaces are not allowed. Must start with a letter ([a-z], [A-Z]) or underscores (_).`,
      { documentationUrl: docs },
    );
  }
  if (/^GITHUB_/i.test(raw)) {
    throw new GitHubError(422, `${what} names must not start with GITHUB_.`, {
      documentationUrl: docs,
    });
  }
  if (raw.length > 255) {
    throw new GitHubError(422, `${what} names must be at most 255 characters.`, {
      documentationUrl: docs,
    });
  }
  return raw.toUpperCase();
}

/** GitHub's timestamps: seconds precision, `Z`. */
export function githubNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
