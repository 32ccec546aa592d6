/** Why a GitHub sign-in did not complete: stable codes in API errors and `/sign-in?error=`. */
export const SIGN_IN_FAILURE_CODES = [
  'OAUTH_STATE_MISMATCH',
  'OAUTH_ACCESS_DENIED',
  'OAUTH_CODE_MISSING',
  'OAUTH_CODE_REJECTED',
  'GITHUB_UNAVAILABLE',
] as const;

export type SignInFailureCode = (typeof SIGN_IN_FAILURE_CODES)[number];

/** What to tell the person, per code (the server's JSON errors and the sign-in page agree). */
export const SIGN_IN_FAILURE_MESSAGES: Record<SignInFailureCode, string> = {
  OAUTH_STATE_MISMATCH:
    'This sign-in was not started here, or took longer than 10 minutes. Start again.',
  OAUTH_ACCESS_DENIED: 'You cancelled the sign-in at GitHub.',
  OAUTH_CODE_MISSING: 'GitHub sent no authorization code.',
  OAUTH_CODE_REJECTED: 'GitHub rejected the authorization code. Start the sign-in again.',
  GITHUB_UNAVAILABLE: 'GitHub could not be reached. Try again shortly.',
};

/** Narrows a query-string value to a known code. */
export function isSignInFailureCode(value: unknown): value is SignInFailureCode {
  return (SIGN_IN_FAILURE_CODES as readonly unknown[]).includes(value);
}
