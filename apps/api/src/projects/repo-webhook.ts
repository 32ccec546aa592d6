import type { Db, Project } from '@botsmith/db';
import type { Cipher } from '../crypto/cipher';
import { githubFailure, githubStatus, octokitFor } from '../github/github-call';
import type { GitHubConfig } from '../github/github-config';

/**
 * Deletes the project's webhook at GitHub. Already gone (404: deleted by hand, or the repo
 * itself) counts as done; any other failure throws, so we never forget a hook that still
 * sends us events.
 */
export async function deleteRepoWebhook(
  deps: { db: Db; cipher: Cipher; github: GitHubConfig },
  project: Pick<Project, 'ownerId' | 'repoFullName' | 'webhookId'>,
): Promise<void> {
  const [owner, repo] = project.repoFullName?.split('/') ?? [];
  if (!owner || !repo || project.webhookId === null) return;
  const octokit = await octokitFor(deps, project.ownerId);
  try {
    await octokit.rest.repos.deleteWebhook({ owner, repo, hook_id: project.webhookId });
  } catch (error) {
    if (githubStatus(error) === 404) return;
    throw githubFailure(error, 'deleting the webhook');
  }
}
