/** One OAuth scope Botsmith asks GitHub for, and why, in words for the sign-in page. */
export interface GitHubScopeInfo {
  id: string;
  /** What GitHub's consent screen calls it. */
  grants: string;
  /** What Botsmith does with it. */
  why: string;
}

/**
 * The scopes Botsmith requests at sign-in (SPEC §6), in the order GitHub shows them. OAuth
 * apps cannot ask for less to create repositories, push workflows and register webhooks;
 * a GitHub App with fine-grained permissions would be the narrower alternative.
 */
export const GITHUB_SCOPES = [
  {
    id: 'read:user',
    grants: 'Read your profile',
    why: 'Shows your login and avatar, and links your Botsmith account to your GitHub account.',
  },
  {
    id: 'user:email',
    grants: 'Read your email addresses',
    why: 'Finds your primary verified email address for commit authorship and notices.',
  },
  {
    id: 'repo',
    grants: 'Full control of your repositories',
    why: 'Creates the bot’s repository (private if you choose), pushes the generated files and stores the bot’s secrets as encrypted Actions secrets.',
  },
  {
    id: 'workflow',
    grants: 'Update GitHub Actions workflows',
    why: 'GitHub refuses pushes that add files under .github/workflows without it; the CI and deploy workflows live there.',
  },
  {
    id: 'admin:repo_hook',
    grants: 'Manage repository webhooks',
    why: 'Registers the webhook that reports workflow runs and deployments back to your dashboard.',
  },
] as const satisfies readonly GitHubScopeInfo[];

/** A scope Botsmith requests. */
export type GitHubScope = (typeof GITHUB_SCOPES)[number]['id'];
