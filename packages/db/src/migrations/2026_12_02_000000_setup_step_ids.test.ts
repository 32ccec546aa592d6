import { SETUP_STEP_IDS } from '@botsmith/shared';
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { createMigrator, migrateToLatest } from '../migrate';
import { describeEachDatabase } from '../testing';

const BEFORE = '2026_11_25_000000_webhook_candidates_by_repo_id';
const OLD_NAMES = [
  'create_repo',
  'commit_files',
  'secrets',
  'webhook',
  'branch_protection',
  'first_run',
];
// The ids those six steps have today (later steps, such as github:environment:create, never
// had an old name); each must be a current id, so the migration writes what the code reads.
const IDS = [
  'github:repo:create',
  'github:files:commit',
  'github:secrets:store',
  'github:webhook:create',
  'github:branch:protect',
  'github:workflow:await-first-run',
];

describeEachDatabase(
  'migration 2026_12_02_000000_setup_step_ids',
  (t) => {
    test('the renamed steps keep ids the code knows', () => {
      for (const id of IDS) expect(SETUP_STEP_IDS).toContain(id);
    });

    test('renames stored step names to ids and back, in steps and setup.failed activities', async () => {
      const migrator = createMigrator(t.db);
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
      const db = t.db.withoutPlugins();
      const user = await sql<{ id: string }>`
        insert into users (github_id, login) values (1, 'alice') returning id`.execute(db);
      const userId = user.rows[0]?.id;
      const project = await sql<{ id: string }>`
        insert into projects (owner_id, name, config, config_schema_version) values (${userId}, 'bot', '{}', 2) returning id`.execute(
        db,
      );
      const projectId = project.rows[0]?.id;
      const run = await sql<{ id: string }>`
        insert into setup_runs (project_id, user_id, repo_owner, repo_name, visibility)
        values (${projectId}, ${userId}, 'alice', 'bot', 'public') returning id`.execute(db);
      const runId = run.rows[0]?.id;
      for (const [position, name] of OLD_NAMES.entries()) {
        await sql`insert into setup_steps (run_id, name, position) values (${runId}, ${name}, ${position})`.execute(
          db,
        );
      }
      await sql`insert into activities (user_id, action, metadata) values
        (${userId}, 'setup.failed', ${JSON.stringify({ runId, step: 'webhook' })}::jsonb),
        (${userId}, 'setup.failed', ${JSON.stringify({ runId, step: null })}::jsonb),
        (${userId}, 'setup.started', ${JSON.stringify({ runId, step: 'webhook' })}::jsonb)`.execute(
        db,
      );
      const names = async () =>
        (
          await sql<{ name: string }>`select name from setup_steps order by position`.execute(db)
        ).rows.map((row) => row.name);
      const steps = async () =>
        (
          await sql<{
            action: string;
            step: string | null;
          }>`select action, metadata->>'step' as step from activities order by action, step`.execute(
            db,
          )
        ).rows;

      await migrateToLatest(t.db);
      expect(await names()).toEqual(IDS);
      expect(await steps()).toEqual([
        { action: 'setup.failed', step: 'github:webhook:create' },
        { action: 'setup.failed', step: null },
        { action: 'setup.started', step: 'webhook' },
      ]);

      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
      expect(await names()).toEqual(OLD_NAMES);
      expect(await steps()).toEqual([
        { action: 'setup.failed', step: 'webhook' },
        { action: 'setup.failed', step: null },
        { action: 'setup.started', step: 'webhook' },
      ]);
    });
  },
  { migrate: false },
);
