import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type DatabaseHandle } from '@botsmith/db';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type ApiProcess, listeningUrl, startApiProcess } from '../../src/testing/api-process';
import { freePort } from '../../src/testing/auth-test-server';
import {
  type PrivatePostgres,
  privatePostgresUnavailable,
  startPrivatePostgres,
} from '../../src/testing/private-postgres';
import { TEST_KEY, testCipher } from '../../src/testing/test-keys';
import {
  connectedProject,
  examplePayload,
  signedDelivery,
  testUser,
} from '../../src/testing/webhook-fixtures';

// The fault suite's database half (PostgreSQL only: PGlite runs in the process, so it has no
// connections to lose). The API runs as its own process against a PostgreSQL server of the
// test's own, which the test terminates, stops and starts under load.

const HOOK_ID = 4242;
const REPO = 'octocat/fault-bot';

const unavailable = privatePostgresUnavailable();

describe.skipIf(unavailable && !process.env.CI)('the API when its database goes away', () => {
  let server: PrivatePostgres;
  let dataDir: string;
  let secret: string;
  const processes: ApiProcess[] = [];

  beforeAll(async () => {
    if (unavailable) throw new Error(`${unavailable} (CI must run the fault suite)`);
    server = await startPrivatePostgres();
    dataDir = mkdtempSync(join(tmpdir(), 'botsmith-db-faults-'));
  }, scaledTimeout(60_000));
  afterEach(async () => {
    for (const api of processes.splice(0)) {
      if (api.child.exitCode === null) {
        api.child.kill('SIGKILL');
        await api.exited;
      }
    }
    // A test that failed half-way must not leave the next one without its server.
    await server.start().catch(() => {});
  });
  afterAll(async () => {
    await server?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const startApi = async (database: string, extra: Record<string, string> = {}) => {
    const port = await freePort();
    const api = startApiProcess({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: join(dataDir, 'no-web'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      GITHUB_EMULATOR_URL: 'http://127.0.0.1:9',
      ENCRYPTION_KEYS: `${TEST_KEY.id}:${TEST_KEY.key.toString('base64')}`,
      DATABASE_URL: server.urlFor(database),
      // The load below is one client; the webhook limit is another test's subject.
      RATE_LIMIT_WEBHOOK_PER_MINUTE: '0',
      RATE_LIMIT_API_PER_MINUTE: '0',
      ...extra,
    });
    processes.push(api);
    return { api, url: `http://127.0.0.1:${port}` };
  };

  /** A fresh database the API has migrated, with one connected project to deliver to. */
  const prepared = async () => {
    const database = `faults_${randomBytes(4).toString('hex')}`;
    await server.createDatabase(database);
    const started = await startApi(database);
    await listeningUrl(started.api);
    await withDatabase(database, async (db) => {
      const owner = await testUser(db, 583231, 'octocat');
      ({ secret } = await connectedProject(db, testCipher(), owner, {
        name: 'fault-bot',
        repoFullName: REPO,
        webhookId: HOOK_ID,
        repoId: 880_000_001,
      }));
    });
    return { database, ...started };
  };

  const withDatabase = async <T>(
    database: string,
    fn: (db: DatabaseHandle['db']) => Promise<T>,
  ) => {
    const handle = createDatabase({ url: server.urlFor(database), maxConnections: 2 });
    try {
      return await fn(handle.db);
    } finally {
      await handle.close();
    }
  };

  const deliver = async (url: string, after: string) => {
    const payload = { ...examplePayload('push', REPO), after };
    const { headers, body } = await signedDelivery({
      event: 'push',
      payload,
      secret,
      hookId: HOOK_ID,
      deliveryId: randomUUID(),
    });
    const response = await fetch(`${url}/webhooks/github`, { method: 'POST', headers, body });
    await response.arrayBuffer();
    return { status: response.status, deliveryId: headers['x-github-delivery'] as string };
  };

  const readyStatus = async (url: string) => {
    const response = await fetch(`${url}/ready`);
    await response.arrayBuffer();
    return response.status;
  };

  test(
    'backends terminated under load: the process stays up, no accepted delivery is lost or applied twice',
    async () => {
      const { api, url, database } = await prepared();
      const accepted: { deliveryId: string; after: string }[] = [];
      const refused: number[] = [];
      let loading = true;
      let sent = 0;
      const sender = async () => {
        while (loading) {
          const after = randomBytes(20).toString('hex');
          sent += 1;
          const result = await deliver(url, after).catch(() => ({ status: 0, deliveryId: '' }));
          if (result.status === 202) accepted.push({ deliveryId: result.deliveryId, after });
          else refused.push(result.status);
          // Paced: pg-boss 10 works about one webhook job a second, and all must be checked.
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      };
      const load = Promise.all([sender(), sender()]);
      await expect
        .poll(() => accepted.length, { timeout: scaledTimeout(30_000) })
        .toBeGreaterThan(3);

      let terminated = 0;
      for (let round = 0; round < 15; round += 1) {
        terminated += await server.terminateBackends('botsmith');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const acceptedDuringChaos = accepted.length;
      // Deliveries keep being accepted once the pool has replaced its connections.
      await expect
        .poll(() => accepted.length, { timeout: scaledTimeout(30_000) })
        .toBeGreaterThan(acceptedDuringChaos + 2);
      loading = false;
      await load;

      expect(terminated).toBeGreaterThan(15);
      expect(api.child.exitCode, api.output().slice(-3000)).toBeNull();
      expect(await readyStatus(url)).toBe(200);
      // Refusals are 5xx answers GitHub shows as failed deliveries, never silent losses.
      expect(refused.every((status) => status >= 500 || status === 0)).toBe(true);
      expect(sent).toBe(accepted.length + refused.length);

      await withDatabase(database, async (db) => {
        await expect
          .poll(
            async () => {
              const rows = await db
                .selectFrom('webhookDeliveries')
                .select(['deliveryId', 'status'])
                .where('status', '=', 'processed')
                .execute();
              const processed = new Set(rows.map((row) => row.deliveryId));
              return accepted.filter((a) => !processed.has(a.deliveryId)).length;
            },
            { timeout: scaledTimeout(120_000), interval: 250 },
          )
          .toBe(0);
        const activities = await db
          .selectFrom('activities')
          .select((eb) => eb.ref('metadata', '->>').key('after').as('after'))
          .where('action', '=', 'webhook.received')
          .execute();
        const counts = new Map<string, number>();
        for (const row of activities)
          counts.set(String(row.after), (counts.get(String(row.after)) ?? 0) + 1);
        for (const { after } of accepted) expect(counts.get(after), after).toBe(1);
      });
      expect(api.output()).toContain('a database connection failed; the pool replaces it');
    },
    scaledTimeout(180_000),
  );

  test(
    'the database stops and comes back: /ready answers 503, then 200, and the process never exits',
    async () => {
      const { api, url } = await prepared();
      expect(await readyStatus(url)).toBe(200);
      await server.stop();
      await expect
        .poll(() => readyStatus(url), { timeout: scaledTimeout(30_000), interval: 200 })
        .toBe(503);
      const ready = await fetch(`${url}/ready`).then((r) => r.json());
      expect(ready).toEqual({ status: 'not_ready', reason: 'database_unreachable' });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      // A delivery GitHub sends meanwhile is refused loudly, not half-stored.
      expect((await deliver(url, randomBytes(20).toString('hex'))).status).toBeGreaterThanOrEqual(
        500,
      );

      await server.start();
      await expect
        .poll(() => readyStatus(url), { timeout: scaledTimeout(30_000), interval: 200 })
        .toBe(200);
      expect((await deliver(url, randomBytes(20).toString('hex'))).status).toBe(202);
      expect(api.child.exitCode, api.output().slice(-3000)).toBeNull();
    },
    scaledTimeout(120_000),
  );

  test(
    'started while the database is down, it waits (and says so), then serves once it is up',
    async () => {
      const database = `faults_${randomBytes(4).toString('hex')}`;
      await server.createDatabase(database);
      await server.stop();
      const { api, url } = await startApi(database);
      await expect
        .poll(() => api.output(), { timeout: scaledTimeout(30_000) })
        .toContain('waiting for the database');
      expect(api.child.exitCode).toBeNull();
      await server.start();
      await listeningUrl(api);
      expect(await readyStatus(url)).toBe(200);
    },
    scaledTimeout(120_000),
  );

  test(
    'gives up after DATABASE_WAIT_SECONDS with a clear message and exit code 1',
    async () => {
      const database = `faults_${randomBytes(4).toString('hex')}`;
      await server.createDatabase(database);
      await server.stop();
      const { api } = await startApi(database, { DATABASE_WAIT_SECONDS: '2' });
      expect(await api.exited).toBe(1);
      const lines = api
        .output()
        .trim()
        .split('\n')
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as { level: number; msg: string }];
          } catch {
            return [];
          }
        });
      expect(lines.some((line) => line.msg === 'waiting for the database')).toBe(true);
      expect(lines.at(-1)).toMatchObject({ level: 60, msg: 'could not prepare the database' });
    },
    scaledTimeout(60_000),
  );
});
