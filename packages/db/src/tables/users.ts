import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A GitHub account that signed in to Botsmith. Columns are snake_case in SQL. */
export interface UsersTable {
  id: Generated<string>;
  /** GitHub's numeric user id: stable across renames, unlike `login`. */
  githubId: number;
  login: string;
  name: string | null;
  avatarUrl: string | null;
  email: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
