import { type Kysely, sql } from 'kysely';

// Frozen in time (see the initial migration): setup steps are named by scaffolder-action ids
// (`provider:entity:verb`) instead of snake_case names. Rewrites the stored names of every
// run's steps and the step a `setup.failed` activity names; `down` writes the old names back.
// The pairs are spelled out here, not imported, so later renames cannot change this file.
const RENAMES: readonly (readonly [string, string])[] = [
  ['create_repo', 'github:repo:create'],
  ['commit_files', 'github:files:commit'],
  ['secrets', 'github:secrets:store'],
  ['webhook', 'github:webhook:create'],
  ['branch_protection', 'github:branch:protect'],
  ['first_run', 'github:workflow:await-first-run'],
];

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not know today's schema types.
async function rename(db: Kysely<any>, from: string, to: string): Promise<void> {
  await db.updateTable('setup_steps').set({ name: to }).where('name', '=', from).execute();
  await db
    .updateTable('activities')
    .set({ metadata: sql`jsonb_set(metadata, '{step}', to_jsonb(${to}::text))` })
    .where('action', '=', 'setup.failed')
    .where(sql`metadata->>'step'`, '=', from)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see rename().
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, id] of RENAMES) await rename(db, name, id);
}

// biome-ignore lint/suspicious/noExplicitAny: see rename().
export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, id] of RENAMES) await rename(db, id, name);
}
