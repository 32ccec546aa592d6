import { type Kysely, sql } from 'kysely';

// Frozen in time (see the initial migration): a delivery for a hook id no project holds yet
// finds its candidate projects by repository id (GitHub's X-GitHub-Hook-Installation-Target-ID
// header) instead of the repository name read from the unverified body, so the name index
// has no query left and a partial index on the hookless projects' repo id replaces it.

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not know today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('projects_hookless_repo_id_idx')
    .on('projects')
    .column('repo_id')
    .where(sql.ref('webhook_id'), 'is', null)
    .execute();
  await db.schema.dropIndex('projects_repo_full_name_idx').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('projects_repo_full_name_idx')
    .on('projects')
    .column('repo_full_name')
    .execute();
  await db.schema.dropIndex('projects_hookless_repo_id_idx').execute();
}
