import type { RepoTarget } from '@botsmith/shared';
import type { Octokit } from 'octokit';
import { githubStatus } from '../github/github-errors';
import { parseScopes } from '../github/oauth-client';
import type { PreflightFacts } from './preflight-checks';

/** `undefined` for a 404 (or 403 from a missing scope); other errors propagate. */
async function optional<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    const status = githubStatus(error);
    if (status === 404 || status === 403) return undefined;
    throw error;
  }
}

/**
 * Asks GitHub, with the user's token, what preflight needs: granted scopes (the
 * `x-oauth-scopes` header), the plan, whether the repository exists, the organisation's
 * rules. Only calls the scopes Botsmith requests allow (SPEC §6).
 */
export async function gatherPreflightFacts(
  octokit: Octokit,
  target: RepoTarget,
): Promise<Omit<PreflightFacts, 'scopes'> & { scopes: string[] }> {
  const me = await octokit.rest.users.getAuthenticated();
  const scopes = parseScopes(me.headers['x-oauth-scopes'] ?? '');
  const login = me.data.login;
  const userPlan = (me.data as { plan?: { name?: string } }).plan?.name ?? null;

  let repoExists: boolean | null;
  try {
    await octokit.rest.repos.get({ owner: target.owner, repo: target.name });
    repoExists = true;
  } catch (error) {
    // A private repository we cannot see is also a 404; creating it then fails with 422.
    repoExists = githubStatus(error) === 404 ? false : null;
  }

  let org: PreflightFacts['org'] = null;
  if (target.owner.toLowerCase() !== login.toLowerCase()) {
    const found = await optional(octokit.rest.orgs.get({ org: target.owner }));
    if (!found) {
      org = {
        exists: false,
        isMember: null,
        role: null,
        membersCanCreateRepositories: null,
        plan: null,
      };
    } else {
      const data = found.data as {
        members_can_create_repositories?: boolean | null;
        plan?: { name?: string };
      };
      // Needs `read:org` on github.com; answered when the token happens to have it.
      const membership = await optional(
        octokit.rest.orgs.getMembershipForAuthenticatedUser({ org: target.owner }),
      );
      const role = membership?.data.role;
      // Members-only fields appear in GET /orgs/:org only for members.
      const memberView = typeof data.members_can_create_repositories === 'boolean';
      org = {
        exists: true,
        isMember: membership ? true : memberView ? true : null,
        role: role === 'admin' || role === 'member' ? role : null,
        membersCanCreateRepositories: data.members_can_create_repositories ?? null,
        plan: data.plan?.name ?? null,
      };
      if (!memberView && !membership) org.isMember = false;
    }
  }
  return { scopes, login, userPlan, repoExists, org };
}
