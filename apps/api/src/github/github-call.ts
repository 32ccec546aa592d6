import type { Db } from '@botsmith/db';
import { TRPCError } from '@trpc/server';
import type { Octokit } from 'octokit';
import type { Cipher } from '../crypto/cipher';
import type { GitHubConfig } from './github-config';
import { gitHubTimeoutOf } from './github-timeout';
import { readGitHubToken } from './github-token-store';
import { createOctokit } from './octokit';

/** GitHub's HTTP status of a failed Octokit call, if it got that far. */
export function githubStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/**
 * An Octokit acting as the user, or PRECONDITION_FAILED when we hold no usable GitHub token
 * for them (never signed in with GitHub, or the key that sealed it is gone).
 */
export async function octokitFor(
  deps: { db: Db; cipher: Cipher; github: GitHubConfig },
  userId: string,
): Promise<Octokit> {
  let token: Awaited<ReturnType<typeof readGitHubToken>>;
  try {
    token = await readGitHubToken(deps.db, deps.cipher, userId);
  } catch (cause) {
    throw signInAgain(cause);
  }
  if (!token) throw signInAgain();
  return createOctokit(deps.github, token.accessToken);
}

function signInAgain(cause?: unknown): TRPCError {
  return new TRPCError({
    code: 'PRECONDITION_FAILED',
    message: 'Botsmith holds no GitHub access for your account: sign in with GitHub again.',
    cause,
  });
}

/**
 * Turns the GitHub failures every call shares into clear errors: no answer in time, a
 * rejected token, missing rights, GitHub being down. Call-specific statuses (404, 422) are
 * for the caller to explain.
 */
export function githubFailure(error: unknown, doing: string): TRPCError {
  const timeout = gitHubTimeoutOf(error);
  if (timeout) {
    return new TRPCError({
      code: 'GATEWAY_TIMEOUT',
      message: `${timeout.message} while ${doing}; try again.`,
      cause: error,
    });
  }
  const status = githubStatus(error);
  if (status === 401) {
    return new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `GitHub no longer accepts your sign-in while ${doing}: sign in with GitHub again.`,
      cause: error,
    });
  }
  if (status === 403) {
    return new TRPCError({
      code: 'FORBIDDEN',
      message: `GitHub refused ${doing}: you need admin rights on the repository.`,
      cause: error,
    });
  }
  return new TRPCError({
    code: 'BAD_GATEWAY',
    message: `GitHub did not answer properly while ${doing}${status ? ` (HTTP ${status})` : ''}; try again.`,
    cause: error,
  });
}
