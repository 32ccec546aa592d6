import {
  type Db,
  type GitHubProfile,
  type Session,
  type User,
  upsertGitHubUser,
} from '@botsmith/db';
import { auditFor } from '../activities/audit';
import type { RequestMeta } from '../activities/request-meta';
import type { Cipher } from '../crypto/cipher';
import { storeGitHubToken } from '../github/github-token-store';
import type { GitHubGrant } from '../github/oauth-client';
import { createSession, invalidateSession, validateSessionToken } from '../sessions/sessions';

/** What the OAuth callback learned, and the session cookie the browser came with. */
export interface SignInInput {
  profile: GitHubProfile;
  grant: GitHubGrant;
  /** A session token the browser still had; that session is ended (rotation). */
  previousSessionToken: string | undefined;
  meta: RequestMeta;
}

/**
 * Signs a GitHub user in, in one transaction: upserts the user, stores their token encrypted,
 * ends the session the browser came with (a fresh session at every sign-in defeats session
 * fixation), starts a new one and records the activity.
 *
 * @example const { token, session } = await completeSignIn(db, cipher, input);
 */
export function completeSignIn(
  db: Db,
  cipher: Cipher,
  input: SignInInput,
): Promise<{ user: User; session: Session; token: string }> {
  // PGlite has one connection: inside the transaction, only `trx` may be used.
  return db.transaction().execute(async (trx) => {
    const user = await upsertGitHubUser(trx, input.profile);
    await storeGitHubToken(trx, cipher, user.id, input.grant);
    if (input.previousSessionToken) {
      const previous = await validateSessionToken(trx, input.previousSessionToken);
      if (previous) await invalidateSession(trx, previous.session.id);
    }
    const { token, session } = await createSession(trx, user.id);
    await auditFor(trx, { userId: user.id, meta: input.meta })('auth.sign_in', {
      scopes: input.grant.scopes,
    });
    return { user, session, token };
  });
}
