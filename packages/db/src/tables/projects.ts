import type {
  ColumnType,
  Generated,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from 'kysely';

/**
 * A stored wizard configuration as JSON. It is typed loosely on purpose: rows written by
 * older schema versions stay readable, and callers validate with `buildConfigSchema` (after
 * upgrading from `configSchemaVersion`) when they read it.
 */
export type StoredConfig = Record<string, unknown>;

/** A bot project owned by one user; its name is unique per owner. */
export interface ProjectsTable {
  id: Generated<string>;
  ownerId: string;
  name: string;
  /** Written as a JSON string (pg would turn a JS array into a PostgreSQL array). */
  config: JSONColumnType<StoredConfig>;
  configSchemaVersion: number;
  /** `owner/name` of the GitHub repository once auto-setup created it. */
  repoFullName: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export type Project = Selectable<ProjectsTable>;
export type NewProject = Insertable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;
