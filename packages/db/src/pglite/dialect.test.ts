import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaledTimeout } from '@botsmith/test-kit';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../client';
import { migrateToLatest } from '../migrate';
import { checkReady } from '../ready';
import { openTestDatabase } from '../testing';

describe('PGlite dialect', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    await sql`create table counter (n int not null)`.execute(handle.db);
  }, scaledTimeout(60_000));
  afterAll(() => handle.close());

  test('commits and rolls back transactions', async () => {
    const db = handle.db.withoutPlugins() as typeof handle.db;
    await db.transaction().execute((trx) => sql`insert into counter values (1)`.execute(trx));
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into counter values (2)`.execute(trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const { rows } = await sql<{ n: number }>`select n from counter order by n`.execute(db);
    expect(rows).toEqual([{ n: 1 }]);
  });

  test('a query issued during a transaction waits instead of running inside it', async () => {
    const order: string[] = [];
    const transaction = handle.db.transaction().execute(async (trx) => {
      await sql`insert into counter values (10)`.execute(trx);
      order.push('trx inserted');
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('trx rolling back');
      throw new Error('roll back');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const outside = sql<{ count: number }>`select count(*)::int as count from counter where n = 10`
      .execute(handle.db)
      .then(({ rows }) => {
        order.push('outside read');
        return rows[0]?.count;
      });
    await expect(transaction).rejects.toThrow('roll back');
    expect(await outside).toBe(0);
    expect(order).toEqual(['trx inserted', 'trx rolling back', 'outside read']);
  });

  test('reports affected rows', async () => {
    const result = await handle.db
      .withoutPlugins()
      .updateTable('counter' as never)
      .set({ n: 5 } as never)
      .executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
  });

  test('a query without parameters may hold several statements, like pg', async () => {
    const { rows } = await handle.db.executeQuery<{ n: number }>(
      CompiledQuery.raw(
        'create table multi (n int); insert into multi values (7); select n from multi',
      ),
    );
    expect(rows).toEqual([{ n: 7 }]);
  });

  test('streaming is refused clearly', async () => {
    const stream = handle.db.selectFrom('users').selectAll().stream();
    await expect(stream.next()).rejects.toThrow(/does not support streaming/);
  });
});

describe('createDatabase', () => {
  test(
    'an on-disk PGlite keeps its data across restarts',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'botsmith-pglite-'));
      try {
        const first = createDatabase({ dataDir: join(dir, 'nested', 'pglite') });
        expect(first.kind).toBe('pglite');
        await migrateToLatest(first.db);
        await first.close();

        const second = createDatabase({ dataDir: join(dir, 'nested', 'pglite') });
        expect(await checkReady(second.db)).toEqual({ ready: true });
        await second.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    scaledTimeout(60_000),
  );

  test('an unreachable PostgreSQL makes checkReady false, not throw', async () => {
    // Port 9 (discard) is closed on any sane test machine: the connection is refused at once.
    const handle = createDatabase({ url: 'postgres://postgres@127.0.0.1:9/none' });
    expect(handle.kind).toBe('postgres');
    expect(await checkReady(handle.db)).toMatchObject({
      ready: false,
      reason: 'database_unreachable',
    });
    await handle.close();
  });
});
