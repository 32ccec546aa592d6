import type { Db } from '@botsmith/db';
import type { PreflightResult, RepoTarget } from '@botsmith/shared';
import type { Cipher } from '../crypto/cipher';
import { githubFailure } from '../github/github-call';
import type { GitHubConfig } from '../github/github-config';
import { readGitHubToken } from '../github/github-token-store';
import { createOctokit } from '../github/octokit';
import { gatherPreflightFacts } from './gather-preflight-facts';
import { evaluatePreflight, type PreflightFacts } from './preflight-checks';

const NO_TOKEN: PreflightFacts = {
  scopes: null,
  login: null,
  userPlan: null,
  repoExists: null,
  org: null,
};

/** Preflight for one user and target: gathers facts with their token, then evaluates them. */
export async function runPreflight(
  deps: { db: Db; cipher: Cipher; github: GitHubConfig },
  userId: string,
  target: RepoTarget,
): Promise<PreflightResult> {
  const token = await readGitHubToken(deps.db, deps.cipher, userId).catch(() => undefined);
  if (!token) return evaluatePreflight(target, NO_TOKEN);
  const octokit = createOctokit(deps.github, token.accessToken);
  // Every failure here is GitHub's (the checks only ask it): say so, e.g. no answer in time.
  const facts = await gatherPreflightFacts(octokit, target).catch((error: unknown) => {
    throw githubFailure(error, 'checking your GitHub account and the repository name');
  });
  return evaluatePreflight(target, facts);
}
