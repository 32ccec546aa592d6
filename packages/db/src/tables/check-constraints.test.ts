import {
  DEPLOYMENT_SOURCES,
  DEPLOYMENT_STATUS_VALUES,
  PROJECT_STATUSES,
  REPO_VISIBILITIES,
  SETUP_RUN_STATUSES,
  SETUP_STEP_STATUSES,
  WEBHOOK_DELIVERY_STATUSES,
} from '@botsmith/shared';
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { describeEachDatabase } from '../testing';

// The column types come from `@botsmith/shared`'s lists, the check constraints from frozen
// migrations: this keeps the two saying the same, so a value added to a list gets a migration.
const COLUMNS = [
  ['projects', 'status', PROJECT_STATUSES],
  ['setup_runs', 'status', SETUP_RUN_STATUSES],
  ['setup_runs', 'visibility', REPO_VISIBILITIES],
  ['setup_steps', 'status', SETUP_STEP_STATUSES],
  ['webhook_deliveries', 'status', WEBHOOK_DELIVERY_STATUSES],
  ['deployments', 'source', DEPLOYMENT_SOURCES],
  ['deployments', 'status', DEPLOYMENT_STATUS_VALUES],
] as const;

describeEachDatabase('check constraints', (t) => {
  test.each(COLUMNS)('%s.%s allows exactly the shared list', async (table, column, values) => {
    const { rows } = await sql<{ definition: string }>`
      select pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
      where c.conrelid = ${table}::regclass and c.contype = 'c'
    `.execute(t.db);
    const definition = rows.map((row) => row.definition).find((d) => d.includes(`(${column} `));
    const allowed = [...(definition ?? '').matchAll(/'([^']*)'/g)].map((match) => match[1]);
    expect(allowed.sort()).toEqual([...values].sort());
  });
});
