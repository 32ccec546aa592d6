/** Where GitHub's error bodies point; the emulator keeps the same shape so clients parse it. */
export const DOCS_URL = 'https://docs.github.com/rest';

/**
 * An error answered the way GitHub's REST API answers it: `{ message, documentation_url,
 * status }` plus optional `errors`. `status` is a string in GitHub's bodies (since 2023).
 *
 * @example throw new GitHubError(404, 'Not Found');
 */
export class GitHubError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extra: { errors?: unknown[]; documentationUrl?: string } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GitHubError';
  }

  /** The JSON body GitHub sends with this status. */
  toBody(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
      documentation_url: this.extra.documentationUrl ?? DOCS_URL,
      status: String(this.statusCode),
    };
  }
}

/** 404 `{ message: 'Not Found' }` — GitHub's answer for absent *and* invisible resources. */
export function notFound(documentationUrl?: string): GitHubError {
  return new GitHubError(404, 'Not Found', documentationUrl ? { documentationUrl } : {});
}

/** 422 `Validation Failed` with GitHub's `errors` array. */
export function validationFailed(errors: unknown[], message = 'Validation Failed'): GitHubError {
  return new GitHubError(422, message, { errors });
}

/**
 * 409 for every Git Data call on a repository without commits: GitHub's Git Data API cannot
 * write the first commit, which is why clients must create repositories with `auto_init`.
 */
export function emptyRepository(): GitHubError {
  return new GitHubError(409, 'Git Repository is empty.', {
    documentationUrl: 'https://docs.github.com/rest/git',
  });
}
