import type { GitHubProfile } from '@botsmith/db';
import type { Octokit } from 'octokit';

/**
 * The signed-in user's profile (`GET /user`) and primary verified email
 * (`GET /user/emails`, needs `user:email`; the profile's `email` is only the public one).
 *
 * @example const profile = await fetchGitHubProfile(createOctokit(config.github, token));
 */
export async function fetchGitHubProfile(octokit: Octokit): Promise<GitHubProfile> {
  const [{ data: user }, { data: emails }] = await Promise.all([
    octokit.rest.users.getAuthenticated(),
    octokit.rest.users.listEmailsForAuthenticatedUser({ per_page: 100 }),
  ]);
  const primary = emails.find((entry) => entry.primary && entry.verified)?.email;
  return {
    githubId: user.id,
    login: user.login,
    name: user.name ?? null,
    avatarUrl: user.avatar_url || null,
    email: primary ?? user.email ?? null,
  };
}
