import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EmulatorStore } from '../store';
import { matchesAnyCallback } from './redirect-uri';

const ERROR_DOCS =
  'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors';

/** Codes live ten minutes, as GitHub documents. */
export const CODE_TTL_MS = 10 * 60 * 1000;

/** A token endpoint answer: tokens, or GitHub's error fields (still HTTP 200). */
export type TokenResult =
  | { access_token: string; token_type: 'bearer'; scope: string }
  | { error: string; error_description: string; error_uri: string };

function failure(error: string, description: string, anchor: string): TokenResult {
  return { error, error_description: description, error_uri: `${ERROR_DOCS}#${anchor}` };
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** A fresh authorization code: 20 hex characters like GitHub's. */
export function newCode(): string {
  return randomBytes(10).toString('hex');
}

/** The token request's parameters, from the body, query string and Basic credentials. */
export interface TokenRequest {
  clientId?: string;
  clientSecret?: string;
  code?: string;
  redirectUri?: string;
  codeVerifier?: string;
  grantType?: string;
}

/**
 * Exchanges a code for a token the way GitHub does: client credentials, then the code
 * (single use, ten minutes, issued to this client), the redirect_uri used at authorize, and
 * the PKCE verifier (S256). Every failure is an `error` object, never an HTTP error status.
 */
export function exchangeCode(store: EmulatorStore, input: TokenRequest): TokenResult {
  const state = store.state;
  const client = input.clientId ? state.clients.get(input.clientId) : undefined;
  if (!client || !input.clientSecret || !sameSecret(client.clientSecret, input.clientSecret)) {
    return failure(
      'incorrect_client_credentials',
      'The client_id and/or client_secret passed are incorrect.',
      'incorrect-client-credentials',
    );
  }
  if (input.grantType && input.grantType !== 'authorization_code') {
    return failure(
      'unsupported_grant_type',
      `The grant type ${input.grantType} is not supported.`,
      'unsupported-grant-type',
    );
  }
  const code = input.code ? state.codes.get(input.code) : undefined;
  if (!code || code.used || code.clientId !== client.clientId || code.expiresAt < Date.now()) {
    if (code) code.used = true;
    return failure(
      'bad_verification_code',
      'The code passed is incorrect or expired.',
      'bad-verification-code',
    );
  }
  const redirectMismatch = code.redirectUri
    ? input.redirectUri !== undefined && input.redirectUri !== code.redirectUri
    : input.redirectUri !== undefined &&
      !matchesAnyCallback(input.redirectUri, client.callbackUrls);
  if (redirectMismatch || (code.redirectUri && input.redirectUri === undefined)) {
    return failure(
      'redirect_uri_mismatch',
      'The redirect_uri MUST match the registered callback URL for this application.',
      'redirect-uri-mismatch2',
    );
  }
  if (code.codeChallenge) {
    const verifier = input.codeVerifier ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (!verifier || challenge !== code.codeChallenge) {
      code.used = true;
      return failure(
        'bad_verification_code',
        'The code_verifier does not match the code_challenge.',
        'bad-verification-code',
      );
    }
  }
  code.used = true;
  const token = store.mintToken(code.login, code.scopes, client.clientId);
  // The token response lists scopes comma-separated without spaces ("repo,user:email").
  return { access_token: token.token, token_type: 'bearer', scope: code.scopes.join(',') };
}
