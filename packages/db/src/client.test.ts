import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase, type DatabaseHandle } from './client';
import { postgresAdminUrl, probePostgres, withAdminClient } from './testing/postgres';

const unavailable = await probePostgres();

describe.skipIf(unavailable && !process.env.CI)('the PostgreSQL pool', () => {
  const name = `botsmith_test_${randomBytes(6).toString('hex')}`;
  const admin = withAdminClient;
  const url = () => {
    const parsed = new URL(postgresAdminUrl());
    parsed.pathname = `/${name}`;
    return parsed.toString();
  };
  beforeAll(async () => {
    if (unavailable) throw new Error(`PostgreSQL is unreachable: ${unavailable}`);
    await admin((client) => client.query(`create database ${name}`));
  });
  afterAll(() => admin((client) => client.query(`drop database if exists ${name} with (force)`)));

  test('a connection terminated mid-query fails that query, is reported once, and the pool goes on', async () => {
    const errors: Error[] = [];
    const handle: DatabaseHandle = createDatabase({
      url: url(),
      onConnectionError: (error) => errors.push(error),
    });
    try {
      // Its rejection is expected from the start, so it never counts as unhandled.
      const slow = expect(sql`select pg_sleep(30)`.execute(handle.db)).rejects.toThrow(
        /terminating connection/,
      );
      await expect
        .poll(() =>
          admin(async (client) => {
            const { rows } = await client.query(
              `select pid from pg_stat_activity where datname = $1 and query like 'select pg_sleep%'`,
              [name],
            );
            for (const row of rows)
              await client.query('select pg_terminate_backend($1)', [row.pid]);
            return rows.length;
          }),
        )
        .toBe(1);
      await slow;
      // Without the listener, the checked-out client's 'error' event ends the process here.
      await expect.poll(() => errors.length).toBe(1);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
    }
  });

  test('a statement running longer than statementTimeoutMs is cancelled by the server', async () => {
    const handle = createDatabase({ url: url(), statementTimeoutMs: 200 });
    try {
      await expect(sql`select pg_sleep(5)`.execute(handle.db)).rejects.toMatchObject({
        code: '57014',
      });
    } finally {
      await handle.close();
    }
  });
});
