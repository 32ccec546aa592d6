import type { Db } from '@botsmith/db';
import type { PreflightResult, RepoTarget } from '@botsmith/shared';
import type { Cipher } from '../crypto/cipher';
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
  const facts = await gatherPreflightFacts(createOctokit(deps.github, token.accessToken), target);
  return evaluatePreflight(target, facts);
}
