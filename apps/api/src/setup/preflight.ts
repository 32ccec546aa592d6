import type { BuildConfig, PreflightResult, RepoTarget } from '@botsmith/shared';
import type { Octokit } from 'octokit';
import { githubFailure } from '../github/github-errors';
import { GitHubAccessMissingError, octokitForUser } from '../github/octokit';
import { ledgerOfConfig } from '../projects/project-ledger';
import type { Services } from '../services';
import { gatherPreflightFacts } from './gather-preflight-facts';
import { evaluatePreflight, type PreflightFacts } from './preflight-checks';
import { type ProvidedValues, runtimeConfigCheckFor } from './runtime-config-check';

const NO_TOKEN: PreflightFacts = {
  scopes: null,
  login: null,
  userPlan: null,
  repoExists: null,
  org: null,
};

/**
 * Preflight for one user, target and config: gathers facts with their token, evaluates them,
 * and checks that every required ledger name has a value among `provided`.
 */
export async function runPreflight(
  services: Pick<Services, 'db' | 'cipher' | 'github'>,
  userId: string,
  input: { target: RepoTarget; config: BuildConfig; provided: ProvidedValues },
): Promise<PreflightResult> {
  const github = await githubPreflight(services, userId, input.target);
  const runtime = runtimeConfigCheckFor(input.config, ledgerOfConfig(input.config), input.provided);
  const checks = [...github.checks, runtime];
  return { ...github, ok: checks.every((check) => check.status !== 'fail'), checks };
}

async function githubPreflight(
  services: Pick<Services, 'db' | 'cipher' | 'github'>,
  userId: string,
  target: RepoTarget,
): Promise<PreflightResult> {
  let octokit: Octokit;
  try {
    octokit = await octokitForUser(services, userId);
  } catch (error) {
    // Without GitHub access the scope check fails and tells the user to sign in again.
    if (error instanceof GitHubAccessMissingError) return evaluatePreflight(target, NO_TOKEN);
    throw error;
  }
  // Every failure here is GitHub's (the checks only ask it): say so, e.g. no answer in time.
  const facts = await gatherPreflightFacts(octokit, target).catch((error: unknown) => {
    throw githubFailure(error, 'checking your GitHub account and the repository name');
  });
  return evaluatePreflight(target, facts);
}
