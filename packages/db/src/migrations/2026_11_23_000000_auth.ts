import { type Kysely, sql } from 'kysely';

// Frozen in time (see the initial migration): sign-in with GitHub, API tokens, the audit log
// and the shared rate-limit counters. The initial migration's `sessions` table already has
// what the Lucia design needs; it only gains an index for expiry sweeps.

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not know today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('sessions_expires_at_idx')
    .on('sessions')
    .column('expires_at')
    .execute();

  // One GitHub token per user, AES-256-GCM encrypted; `key_id` names the key that sealed it.
  await db.schema
    .createTable('oauth_tokens')
    .addColumn('user_id', 'uuid', (col) =>
      col.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('access_token_ciphertext', 'bytea', (col) => col.notNull())
    .addColumn('key_id', 'text', (col) => col.notNull())
    .addColumn('scopes', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('oauth_tokens_key_id_idx')
    .on('oauth_tokens')
    .column('key_id')
    .execute();

  // Personal API tokens: `id` is the public half of the token, only SHA-256(secret) is kept.
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('secret_hash', 'bytea', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('api_tokens_user_id_idx')
    .on('api_tokens')
    .column('user_id')
    .execute();

  // The audit log outlives the account that acted: deleting a user keeps its rows, anonymised.
  await db.schema
    .createTable('activities')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('metadata', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('activities_user_id_created_at_idx')
    .on('activities')
    .columns(['user_id', 'created_at'])
    .execute();

  // Fixed-window counters shared by every app instance (no Redis in the embedded setup).
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('reset_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_reset_at_idx')
    .on('rate_limits')
    .column('reset_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not know today's schema types.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropTable('activities').execute();
  await db.schema.dropTable('api_tokens').execute();
  await db.schema.dropTable('oauth_tokens').execute();
  await db.schema.dropIndex('sessions_expires_at_idx').execute();
}
