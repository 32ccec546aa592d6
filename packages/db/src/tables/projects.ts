import type { ProjectStatus } from '@botsmith/shared';
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
  /** `draft` until auto-setup starts, `setting_up` while it runs, `active` once it is done. */
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>;
  /** `owner/name` of the GitHub repository once auto-setup created it. */
  repoFullName: string | null;
  repoId: ColumnType<number | null, number | null | undefined, number | null>;
  defaultBranch: ColumnType<string | null, string | null | undefined, string | null>;
  /** GitHub's id of the webhook setup created; deliveries name it in `X-GitHub-Hook-ID`. */
  webhookId: ColumnType<number | null, number | null | undefined, number | null>;
  /** The webhook secret, AES-256-GCM sealed like GitHub tokens; `webhookSecretKeyId` names the key. */
  webhookSecretCiphertext: ColumnType<
    Uint8Array | null,
    Uint8Array | null | undefined,
    Uint8Array | null
  >;
  webhookSecretKeyId: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export type Project = Selectable<ProjectsTable>;
export type NewProject = Insertable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;
