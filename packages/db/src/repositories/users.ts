import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { User } from '../tables/users';

/** The GitHub profile fields we keep. */
export interface GitHubProfile {
  githubId: number;
  login: string;
  name: string | null;
  avatarUrl: string | null;
  email: string | null;
}

/**
 * Creates the user for a GitHub account, or refreshes the profile of the existing one
 * (matched by GitHub's immutable id, since logins can be renamed).
 *
 * @example const user = await upsertGitHubUser(db, { githubId: 1, login: 'octocat', ... });
 */
export function upsertGitHubUser(db: Kysely<Database>, profile: GitHubProfile): Promise<User> {
  return db
    .insertInto('users')
    .values(profile)
    .onConflict((conflict) =>
      conflict.column('githubId').doUpdateSet((eb) => ({
        login: eb.ref('excluded.login'),
        name: eb.ref('excluded.name'),
        avatarUrl: eb.ref('excluded.avatarUrl'),
        email: eb.ref('excluded.email'),
        updatedAt: new Date(),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The user with this id, or `undefined`. */
export function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}
