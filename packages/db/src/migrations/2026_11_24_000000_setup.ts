import { type Kysely, sql } from 'kysely';

// Frozen in time (see the initial migration): auto-setup on GitHub and deployment tracking.
// Projects gain their GitHub link (repo, webhook and its sealed secret) and a draft state;
// setup runs keep per-step checkpoints so a restart resumes instead of repeating; webhook
// deliveries are stored before we answer GitHub; deployments come from those deliveries.

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not know today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('projects')
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('draft').check(sql`status in ('draft', 'setting_up', 'active')`),
    )
    .addColumn('repo_id', 'bigint')
    .addColumn('default_branch', 'text')
    .addColumn('webhook_id', 'bigint')
    .addColumn('webhook_secret_ciphertext', 'bytea')
    .addColumn('webhook_secret_key_id', 'text')
    .execute();
  // A delivery names its hook; this finds the project (and its secret) before parsing the body.
  await db.schema
    .createIndex('projects_webhook_id_idx')
    .on('projects')
    .column('webhook_id')
    .execute();
  await db.schema
    .createIndex('projects_repo_full_name_idx')
    .on('projects')
    .column('repo_full_name')
    .execute();

  await db.schema
    .createTable('setup_runs')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (col) =>
      col.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('queued')
        .check(
          sql`status in ('queued', 'running', 'waiting', 'succeeded', 'failed', 'dead', 'rolling_back', 'rolled_back')`,
        ),
    )
    .addColumn('repo_owner', 'text', (col) => col.notNull())
    .addColumn('repo_name', 'text', (col) => col.notNull())
    .addColumn('visibility', 'text', (col) =>
      col.notNull().check(sql`visibility in ('public', 'private')`),
    )
    // Which optional steps preflight allowed, and the files' generator version.
    .addColumn('plan', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    // A lease: the worker executing the run renews it; an expired one on a running run means
    // its process died, and a sweep hands the run to another worker (never two at once).
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('setup_runs_status_lease_expires_at_idx')
    .on('setup_runs')
    .columns(['status', 'lease_expires_at'])
    .execute();
  await db.schema
    .createIndex('setup_runs_project_id_created_at_idx')
    .on('setup_runs')
    .columns(['project_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('setup_runs_user_id_idx')
    .on('setup_runs')
    .column('user_id')
    .execute();

  // One row per step of a run; `output` is the step's checkpoint (repo id, commit sha, hook
  // id…) so that running it again after a crash finds what it already did.
  await db.schema
    .createTable('setup_steps')
    .addColumn('run_id', 'uuid', (col) =>
      col.notNull().references('setup_runs.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('pending')
        .check(
          sql`status in ('pending', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'rolled_back')`,
        ),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('message', 'text')
    .addColumn('output', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('error', 'text')
    .addColumn('started_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('setup_steps_pkey', ['run_id', 'name'])
    .execute();

  // Stored before we answer 202: (hook id, delivery id) makes a redelivery a no-op.
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('hook_id', 'text', (col) => col.notNull())
    .addColumn('delivery_id', 'text', (col) => col.notNull())
    .addColumn('project_id', 'uuid', (col) => col.references('projects.id').onDelete('cascade'))
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('action', 'text')
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('received')
        .check(sql`status in ('received', 'processed', 'ignored', 'failed', 'dead')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .addUniqueConstraint('webhook_deliveries_hook_id_delivery_id_key', ['hook_id', 'delivery_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_project_id_received_at_idx')
    .on('webhook_deliveries')
    .columns(['project_id', 'received_at'])
    .execute();

  // A deployment is a workflow run or a GitHub deployment, keyed by where it came from.
  await db.schema
    .createTable('deployments')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (col) =>
      col.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('source', 'text', (col) =>
      col.notNull().check(sql`source in ('workflow_run', 'deployment')`),
    )
    .addColumn('external_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .check(sql`status in ('queued', 'in_progress', 'success', 'failure', 'cancelled')`),
    )
    .addColumn('workflow_name', 'text')
    .addColumn('commit_sha', 'text')
    .addColumn('commit_message', 'text')
    .addColumn('committed_at', 'timestamptz')
    .addColumn('branch', 'text')
    .addColumn('environment', 'text')
    .addColumn('url', 'text')
    .addColumn('logs_url', 'text')
    .addColumn('failing_job', 'text')
    .addColumn('started_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('deployments_project_id_source_external_id_key', [
      'project_id',
      'source',
      'external_id',
    ])
    .execute();
  await db.schema
    .createIndex('deployments_project_id_created_at_idx')
    .on('deployments')
    .columns(['project_id', 'created_at'])
    .execute();

  // The audit log learns which project an entry is about (setup, webhooks, redeploys).
  await db.schema
    .alterTable('activities')
    .addColumn('project_id', 'uuid', (col) => col.references('projects.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('activities_project_id_created_at_idx')
    .on('activities')
    .columns(['project_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a frozen migration must not know today's schema types.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activities_project_id_created_at_idx').execute();
  await db.schema.alterTable('activities').dropColumn('project_id').execute();
  await db.schema.dropTable('deployments').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('setup_steps').execute();
  await db.schema.dropTable('setup_runs').execute();
  await db.schema.dropIndex('projects_repo_full_name_idx').execute();
  await db.schema.dropIndex('projects_webhook_id_idx').execute();
  await db.schema
    .alterTable('projects')
    .dropColumn('webhook_secret_key_id')
    .dropColumn('webhook_secret_ciphertext')
    .dropColumn('webhook_id')
    .dropColumn('default_branch')
    .dropColumn('repo_id')
    .dropColumn('status')
    .execute();
}
