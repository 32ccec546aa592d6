import type { Project } from '@botsmith/db';
import { githubFailure, githubStatus } from '../github/github-errors';
import { octokitForUser } from '../github/octokit';
import type { Services } from '../services';

/**
 * Deletes the project's webhook at GitHub. Already gone (404: deleted by hand, or the repo
 * itself) counts as done; any other failure throws, so we never forget a hook that still
 * sends us events.
 */
export async function deleteRepoWebhook(
  services: Pick<Services, 'db' | 'cipher' | 'github'>,
  project: Pick<Project, 'ownerId' | 'repoFullName' | 'webhookId'>,
): Promise<void> {
  const [owner, repo] = project.repoFullName?.split('/') ?? [];
  if (!owner || !repo || project.webhookId === null) return;
  const octokit = await octokitForUser(services, project.ownerId);
  try {
    await octokit.rest.repos.deleteWebhook({ owner, repo, hook_id: project.webhookId });
  } catch (error) {
    if (githubStatus(error) === 404) return;
    throw githubFailure(error, 'deleting the webhook');
  }
}
