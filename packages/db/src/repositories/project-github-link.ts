import type { ProjectStatus } from '@botsmith/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { Project, StoredConfig } from '../tables/projects';

// Writes of a project's GitHub link (repo, webhook, status), done by auto-setup. Every
// function takes the owner id, so a run can only ever touch its owner's project.

/** Turns a draft (or a new project) into one being set up, with the config it will commit. */
export async function markProjectSettingUp(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
  change: { name: string; config: StoredConfig; configSchemaVersion: number },
): Promise<Project | undefined> {
  return db
    .updateTable('projects')
    .set({
      name: change.name,
      config: JSON.stringify(change.config),
      configSchemaVersion: change.configSchemaVersion,
      status: 'setting_up',
      updatedAt: new Date(),
    })
    .where('ownerId', '=', ownerId)
    .where('id', '=', projectId)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

/** Records the repository setup created (or adopted). */
export async function saveProjectRepo(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
  repo: { fullName: string; id: number; defaultBranch: string },
): Promise<void> {
  await db
    .updateTable('projects')
    .set({
      repoFullName: repo.fullName,
      repoId: repo.id,
      defaultBranch: repo.defaultBranch,
      updatedAt: new Date(),
    })
    .where('ownerId', '=', ownerId)
    .where('id', '=', projectId)
    .execute();
}

/** Stores the sealed webhook secret; written before the hook exists so a crash cannot lose it. */
export async function saveProjectWebhookSecret(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
  sealed: { ciphertext: Uint8Array; keyId: string },
): Promise<void> {
  await db
    .updateTable('projects')
    .set({
      webhookSecretCiphertext: sealed.ciphertext,
      webhookSecretKeyId: sealed.keyId,
      updatedAt: new Date(),
    })
    .where('ownerId', '=', ownerId)
    .where('id', '=', projectId)
    .execute();
}

/** Records (or clears, with `null`) GitHub's id of the project's webhook. */
export async function saveProjectWebhookId(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
  webhookId: number | null,
): Promise<void> {
  await db
    .updateTable('projects')
    .set({
      webhookId,
      ...(webhookId === null ? { webhookSecretCiphertext: null, webhookSecretKeyId: null } : {}),
      updatedAt: new Date(),
    })
    .where('ownerId', '=', ownerId)
    .where('id', '=', projectId)
    .execute();
}

/** Sets the project's lifecycle status. */
export async function setProjectStatus(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
  status: ProjectStatus,
): Promise<void> {
  await db
    .updateTable('projects')
    .set({ status, updatedAt: new Date() })
    .where('ownerId', '=', ownerId)
    .where('id', '=', projectId)
    .execute();
}

/** Forgets the repository (after a rollback deleted it). */
export async function clearProjectRepo(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
): Promise<void> {
  await db
    .updateTable('projects')
    .set({ repoFullName: null, repoId: null, defaultBranch: null, updatedAt: new Date() })
    .where('ownerId', '=', ownerId)
    .where('id', '=', projectId)
    .execute();
}
