import type { User } from '@botsmith/db';
import { findDelivery, recordDelivery } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { scaledTimeout } from '@botsmith/test-kit';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type JobQueue, QUEUES, startJobQueue } from '../jobs/job-queue';
import type { BotsmithServer } from '../server';
import { testCipher } from '../testing/test-keys';
import { fakeLockfiles } from '../testing/test-lockfiles';
import { type CapturedLogs, createTestServer, UNREACHABLE_GITHUB } from '../testing/test-server';
import {
  connectedProject,
  examplePayload,
  signedDelivery,
  testUser,
} from '../testing/webhook-fixtures';
import { WEBHOOK_BODY_LIMIT_BYTES, WEBHOOK_PATH } from './webhook-route';
import { startWebhookWorker } from './webhook-worker';

const REPO = 'alice/deploy-bot';
const HOOK_ID = 4242;

describeEachDatabase('POST /webhooks/github', (t) => {
  const cipher = testCipher();
  let queue: JobQueue;
  let server: BotsmithServer;
  let logs: CapturedLogs;
  let alice: User;
  let secret: string;
  let projectId: string;

  beforeAll(async () => {
    queue = await startJobQueue(t.db, { pollingIntervalSeconds: 0.5 });
    await startWebhookWorker({
      db: t.db,
      queue,
      cipher,
      github: UNREACHABLE_GITHUB,
      publicUrl: 'http://127.0.0.1:3000',
      log: pino({ level: 'silent' }),
      addLockfile: fakeLockfiles(),
    });
    ({ server, logs } = createTestServer(t.db, { queue, cipher, logLevel: 'debug' }));
    alice = await testUser(t.db, 7001, 'alice');
    const connected = await connectedProject(t.db, cipher, alice, {
      name: 'deploy-bot',
      repoFullName: REPO,
      webhookId: HOOK_ID,
    });
    secret = connected.secret;
    projectId = connected.project.id;
  }, scaledTimeout(60_000));
  afterAll(async () => {
    await server.app.close();
    await queue.stop();
  });

  async function post(event: string, payload: Record<string, unknown> | string, extra = {}) {
    const delivery = await signedDelivery({ event, payload, secret, hookId: HOOK_ID, ...extra });
    const response = await server.app.inject({
      method: 'POST',
      url: WEBHOOK_PATH,
      headers: delivery.headers,
      payload: delivery.body,
    });
    return { response, deliveryId: delivery.headers['x-github-delivery'] as string };
  }

  const deliveries = (deliveryId: string) =>
    t.db.selectFrom('webhookDeliveries').selectAll().where('deliveryId', '=', deliveryId).execute();
  /** The stored payload, read as the job reads it (GitHub's snake_case keys intact). */
  const storedPayload = async (deliveryId: string) => {
    const [row] = await deliveries(deliveryId);
    const stored = row && (await findDelivery(t.db, row.id));
    if (!stored) throw new Error(`delivery ${deliveryId} was not stored`);
    return stored.payload as Record<string, unknown> & { head_commit: { message: string } };
  };
  const deploymentOf = (externalId: string) =>
    t.db
      .selectFrom('deployments')
      .selectAll()
      .where('projectId', '=', projectId)
      .where('externalId', '=', externalId)
      .execute();
  const processed = (deliveryId: string) =>
    expect
      .poll(async () => (await deliveries(deliveryId))[0]?.status, {
        timeout: scaledTimeout(15_000),
      })
      .not.toBe('received');

  test(
    'a valid workflow_run delivery → 202, stored, and a deployment row',
    async () => {
      const payload = examplePayload(
        'workflow_run',
        REPO,
        (e) => (e.workflow_run as { conclusion: string }).conclusion === 'success',
      );
      const run = payload.workflow_run as Record<string, unknown>;
      run.id = 5001;
      const { response, deliveryId } = await post('workflow_run', payload);
      expect(response.statusCode).toBe(202);
      expect(await deliveries(deliveryId)).toHaveLength(1);
      await processed(deliveryId);
      const [row] = await deploymentOf('5001');
      expect(row).toMatchObject({
        source: 'workflow_run',
        status: 'success',
        commitSha: run.head_sha,
        branch: run.head_branch,
        logsUrl: run.html_url,
      });
      expect(row?.completedAt).toEqual(new Date(run.updated_at as string));
      expect((await deliveries(deliveryId))[0]).toMatchObject({ status: 'processed', attempts: 1 });
    },
    scaledTimeout(30_000),
  );

  test('a bad signature → 401 and nothing stored', async () => {
    const payload = examplePayload('push', REPO);
    const delivery = await signedDelivery({
      event: 'push',
      payload,
      secret: 'not-the-secret',
      hookId: HOOK_ID,
    });
    const response = await server.app.inject({
      method: 'POST',
      url: WEBHOOK_PATH,
      headers: delivery.headers,
      payload: delivery.body,
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(await deliveries(delivery.headers['x-github-delivery'] as string)).toEqual([]);

    const { 'x-hub-signature-256': _dropped, ...unsigned } = delivery.headers;
    const missing = await server.app.inject({
      method: 'POST',
      url: WEBHOOK_PATH,
      headers: unsigned,
      payload: delivery.body,
    });
    expect(missing.statusCode).toBe(401);
    expect(await deliveries(delivery.headers['x-github-delivery'] as string)).toEqual([]);
  });

  test('an unknown hook → 401, even with a signature made with a known secret', async () => {
    const payload = examplePayload('push', 'someone/else');
    const { response, deliveryId } = await post('push', payload, { hookId: 999_999 });
    expect(response.statusCode).toBe(401);
    expect(await deliveries(deliveryId)).toEqual([]);
  });

  test(
    'the ping that beats setup storing the hook id is matched by repository',
    async () => {
      const early = await connectedProject(t.db, cipher, alice, {
        name: 'early-bird',
        repoFullName: 'alice/early-bird',
        webhookId: null,
        repoId: 9101,
      });
      const payload = { ...examplePayload('ping', 'alice/early-bird'), hook_id: 777 };
      const delivery = await signedDelivery({
        event: 'ping',
        payload,
        secret: early.secret,
        hookId: 777,
        repoId: 9101,
      });
      const response = await server.app.inject({
        method: 'POST',
        url: WEBHOOK_PATH,
        headers: delivery.headers,
        payload: delivery.body,
      });
      expect(response.statusCode).toBe(202);
      await processed(delivery.headers['x-github-delivery'] as string);
      const project = await t.db
        .selectFrom('projects')
        .select('webhookId')
        .where('id', '=', early.project.id)
        .executeTakeFirstOrThrow();
      expect(project.webhookId).toBe(777);
      const activity = await t.db
        .selectFrom('activities')
        .selectAll()
        .where('projectId', '=', early.project.id)
        .executeTakeFirstOrThrow();
      expect(activity).toMatchObject({ action: 'webhook.received', userId: alice.id });
      expect(activity.metadata).toMatchObject({ event: 'ping', verified: true });

      // Once a project holds the hook id, a repository name no longer finds a project.
      const forged = await signedDelivery({
        event: 'ping',
        payload,
        secret: early.secret,
        hookId: 778,
        repoId: 9101,
      });
      const refused = await server.app.inject({
        method: 'POST',
        url: WEBHOOK_PATH,
        headers: forged.headers,
        payload: forged.body,
      });
      expect(refused.statusCode).toBe(401);
    },
    scaledTimeout(30_000),
  );

  test(
    'an unknown hook id finds its project by the target-id header, never by the body',
    async () => {
      const early = await connectedProject(t.db, cipher, alice, {
        name: 'header-bird',
        repoFullName: 'alice/header-bird',
        webhookId: null,
        repoId: 9202,
      });
      const send = async (payload: Record<string, unknown>, repoId?: number) => {
        const delivery = await signedDelivery({
          event: 'ping',
          payload: { ...payload, hook_id: 779 },
          secret: early.secret,
          hookId: 779,
          ...(repoId === undefined ? {} : { repoId }),
        });
        return server.app.inject({
          method: 'POST',
          url: WEBHOOK_PATH,
          headers: delivery.headers,
          payload: delivery.body,
        });
      };
      // What the unverified body names plays no part…
      expect((await send(examplePayload('ping', 'decoy/elsewhere'), 9202)).statusCode).toBe(202);
      // …so without the header, naming the repository does not help.
      expect((await send(examplePayload('ping', 'alice/header-bird'))).statusCode).toBe(401);
      expect((await send(examplePayload('ping', 'alice/header-bird'), 9203)).statusCode).toBe(401);
    },
    scaledTimeout(30_000),
  );

  test(
    'an unknown hook id with an unsigned body is refused before any of the body is read',
    async () => {
      await connectedProject(t.db, cipher, alice, {
        name: 'unread-bird',
        repoFullName: 'alice/unread-bird',
        webhookId: null,
        repoId: 9303,
      });
      const parse = vi.spyOn(JSON, 'parse');
      try {
        const bodies = [
          // Names a hookless project, so reading it would pick that project's secret to try.
          JSON.stringify({
            repository: { full_name: 'alice/unread-bird' },
            filler: 'x'.repeat(5 * 1024 * 1024),
          }),
          'not JSON at all {{{',
        ];
        for (const body of bodies) {
          const response = await server.app.inject({
            method: 'POST',
            url: WEBHOOK_PATH,
            headers: {
              'content-type': 'application/json',
              'x-github-event': 'ping',
              'x-github-delivery': `unread-${body.length}`,
              'x-github-hook-id': '880',
              'x-github-hook-installation-target-type': 'repository',
              'x-github-hook-installation-target-id': '9303',
            },
            payload: body,
          });
          expect(response.statusCode).toBe(401);
          expect(response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
          expect(parse.mock.calls.some(([text]) => text === body)).toBe(false);
        }
      } finally {
        parse.mockRestore();
      }
    },
    scaledTimeout(30_000),
  );

  test(
    'the same delivery twice → one delivery row, one deployment row',
    async () => {
      const payload = examplePayload('deployment', REPO);
      (payload.deployment as Record<string, unknown>).id = 6001;
      const deliveryId = 'redelivered-1';
      const first = await post('deployment', payload, { deliveryId });
      const second = await post('deployment', payload, { deliveryId });
      expect([first.response.statusCode, second.response.statusCode]).toEqual([202, 202]);
      expect(second.response.json()).toMatchObject({ duplicate: true });
      await processed(deliveryId);
      expect(await deliveries(deliveryId)).toHaveLength(1);
      expect(await deploymentOf('6001')).toHaveLength(1);
    },
    scaledTimeout(30_000),
  );

  test(
    'out of order: completed, then a late in_progress → stays success',
    async () => {
      const completed = examplePayload(
        'workflow_run',
        REPO,
        (e) => (e.workflow_run as { conclusion: string }).conclusion === 'success',
      );
      (completed.workflow_run as Record<string, unknown>).id = 5002;
      const late = structuredClone(completed);
      late.action = 'in_progress';
      Object.assign(late.workflow_run as object, { status: 'in_progress', conclusion: null });
      const a = await post('workflow_run', completed);
      await processed(a.deliveryId);
      const b = await post('workflow_run', late);
      await processed(b.deliveryId);
      const rows = await deploymentOf('5002');
      expect(rows.map((r) => r.status)).toEqual(['success']);
    },
    scaledTimeout(30_000),
  );

  test(
    'deployment_status updates the GitHub deployment with its URL',
    async () => {
      const payload = examplePayload(
        'deployment_status',
        REPO,
        (e) => (e.deployment_status as { state: string }).state === 'success',
      );
      (payload.deployment as Record<string, unknown>).id = 6002;
      (payload.deployment_status as Record<string, unknown>).environment_url =
        'https://bot.example';
      const { deliveryId } = await post('deployment_status', payload);
      await processed(deliveryId);
      const [row] = await deploymentOf('6002');
      expect(row).toMatchObject({
        source: 'deployment',
        status: 'success',
        environment: 'production',
        url: 'https://bot.example',
      });
    },
    scaledTimeout(30_000),
  );

  test(
    'push is recorded as activity only',
    async () => {
      const payload = examplePayload('push', REPO);
      const before = await t.db.selectFrom('deployments').select('id').execute();
      const { response, deliveryId } = await post('push', payload);
      expect(response.statusCode).toBe(202);
      await processed(deliveryId);
      expect(await t.db.selectFrom('deployments').select('id').execute()).toHaveLength(
        before.length,
      );
      const activities = await t.db
        .selectFrom('activities')
        .selectAll()
        .where('projectId', '=', projectId)
        .where('action', '=', 'webhook.received')
        .execute();
      expect(activities.map((a) => a.metadata)).toContainEqual(
        expect.objectContaining({ event: 'push', ref: payload.ref, after: payload.after }),
      );
    },
    scaledTimeout(30_000),
  );

  test(
    'an unknown event → 202, stored as ignored',
    async () => {
      const { response, deliveryId } = await post('star', examplePayload('star', REPO));
      expect(response.statusCode).toBe(202);
      await expect
        .poll(async () => (await deliveries(deliveryId))[0]?.status, {
          timeout: scaledTimeout(15_000),
        })
        .toBe('ignored');
    },
    scaledTimeout(30_000),
  );

  test(
    'a body over 25 MB → 413, nothing stored',
    async () => {
      const filler = 'x'.repeat(WEBHOOK_BODY_LIMIT_BYTES);
      const { response, deliveryId } = await post('push', {
        ...examplePayload('push', REPO),
        filler,
      });
      expect(response.statusCode).toBe(413);
      expect(await deliveries(deliveryId)).toEqual([]);
      // Over the rest of the API's 1 MB limit, but well inside GitHub's 25 MB: accepted.
      const large = { ...examplePayload('push', REPO), filler: 'x'.repeat(2 * 1024 * 1024) };
      expect((await post('push', large)).response.statusCode).toBe(202);
    },
    scaledTimeout(30_000),
  );

  test(
    'NUL and lone surrogates in a signed payload are stored as U+FFFD; the delivery is kept',
    async () => {
      // jsonb refuses \u0000 and unpaired surrogate escapes; a real commit message may hold them.
      const payload = examplePayload('push', REPO);
      (payload.head_commit as Record<string, unknown>).message = 'Fix\u0000 the \ud800 bug \udc00';
      payload.action = 'odd\u0000';
      payload['key\u0000with\udbffnul'] = ['\udfff', { deeper: 'a\u0000b' }];
      const { response, deliveryId } = await post('push', payload);
      expect(response.statusCode).toBe(202);
      await processed(deliveryId);
      expect((await deliveries(deliveryId))[0]).toMatchObject({
        status: 'processed',
        action: 'odd\ufffd',
      });
      const stored = await storedPayload(deliveryId);
      expect(stored.head_commit.message).toBe('Fix\ufffd the \ufffd bug \ufffd');
      expect(stored['key\ufffdwith\ufffdnul']).toEqual(['\ufffd', { deeper: 'a\ufffdb' }]);
      // A well-formed pair (an emoji) is kept as it is.
      const emoji = examplePayload('push', REPO);
      (emoji.head_commit as Record<string, unknown>).message = 'Ship it 🚀';
      const kept = await post('push', emoji);
      expect(kept.response.statusCode).toBe(202);
      expect((await storedPayload(kept.deliveryId)).head_commit.message).toBe('Ship it 🚀');
    },
    scaledTimeout(30_000),
  );

  test(
    'a payload nested deeper than 100 levels → 400 PAYLOAD_TOO_DEEP, nothing stored',
    async () => {
      const nested = (depth: number) =>
        `{"zen":"deep","hook_id":${HOOK_ID},"x":${'{"a":'.repeat(depth - 1)}1${'}'.repeat(depth)}`;
      const deep = await post('ping', nested(5000));
      expect(deep.response.statusCode).toBe(400);
      expect(deep.response.json()).toEqual({
        error: { code: 'PAYLOAD_TOO_DEEP', message: expect.stringContaining('100') },
      });
      expect(await deliveries(deep.deliveryId)).toEqual([]);
      expect((await post('ping', nested(101))).response.statusCode).toBe(400);
      // At the limit it is an ordinary delivery.
      const atLimit = await post('ping', nested(100));
      expect(atLimit.response.statusCode).toBe(202);
      expect(await deliveries(atLimit.deliveryId)).toHaveLength(1);
    },
    scaledTimeout(30_000),
  );

  test('form-encoded deliveries (GitHub’s default content type) are verified over the raw body', async () => {
    const payload = examplePayload('push', REPO);
    const delivery = await signedDelivery({ event: 'push', payload, secret, hookId: HOOK_ID });
    const body = `payload=${encodeURIComponent(delivery.body)}`;
    const { sign } = await import('@octokit/webhooks-methods');
    const response = await server.app.inject({
      method: 'POST',
      url: WEBHOOK_PATH,
      headers: {
        ...delivery.headers,
        'content-type': 'application/x-www-form-urlencoded',
        'x-hub-signature-256': await sign(secret, body),
      },
      payload: body,
    });
    expect(response.statusCode).toBe(202);
  });

  /** pg-boss's jobs of `queue` that carry this delivery. */
  const jobsOf = async (queue: string, deliveryId: string) =>
    (
      await sql<{ state: string; retryCount: number }>`
        select state, retry_count from pgboss.job
        where name = ${queue} and data->>'deliveryId' = ${deliveryId}`.execute(t.db)
    ).rows;

  test(
    'a malformed delivery is dead at once: one attempt, its error, in the dead letters',
    async () => {
      const { delivery } = await recordDelivery(t.db, {
        hookId: String(HOOK_ID),
        deliveryId: 'broken-1',
        projectId,
        event: 'workflow_run',
        action: 'completed',
        payload: { action: 'completed' },
      });
      // The queue's own policy (5 retries): retrying cannot make the payload whole.
      await queue.boss.send(QUEUES.webhook, { deliveryId: delivery.id });
      await expect
        .poll(async () => (await deliveries('broken-1'))[0]?.status, {
          timeout: scaledTimeout(10_000),
        })
        .toBe('dead');
      const [row] = await deliveries('broken-1');
      expect(row?.attempts).toBe(1);
      expect(row?.error).toContain('workflow_run');
      await expect
        .poll(async () => jobsOf(`${QUEUES.webhook}.dead`, delivery.id), {
          timeout: scaledTimeout(10_000),
        })
        .toHaveLength(1);
      await expect
        .poll(async () => jobsOf(QUEUES.webhook, delivery.id), { timeout: scaledTimeout(10_000) })
        .toEqual([{ state: 'completed', retryCount: 0 }]);
    },
    scaledTimeout(30_000),
  );

  test(
    'a delivery failing for a transient reason (the database) keeps its retries',
    async () => {
      const { delivery } = await recordDelivery(t.db, {
        hookId: String(HOOK_ID),
        deliveryId: 'flaky-db-1',
        projectId,
        event: 'push',
        action: null,
        payload: examplePayload('push', REPO),
      });
      // A database trouble for this one job: the table a push is recorded in is away.
      await sql`alter table activities rename to activities_away`.execute(t.db);
      try {
        await queue.boss.send(
          QUEUES.webhook,
          { deliveryId: delivery.id },
          { retryLimit: 3, retryDelay: 1 },
        );
        await expect
          .poll(async () => (await deliveries('flaky-db-1'))[0]?.status, {
            timeout: scaledTimeout(10_000),
          })
          .toBe('failed');
        expect((await deliveries('flaky-db-1'))[0]?.error).toContain('activities');
      } finally {
        await sql`alter table activities_away rename to activities`.execute(t.db);
      }
      await expect
        .poll(async () => (await deliveries('flaky-db-1'))[0]?.status, {
          timeout: scaledTimeout(15_000),
        })
        .toBe('processed');
      expect((await deliveries('flaky-db-1'))[0]?.attempts).toBeGreaterThanOrEqual(2);
      expect(await jobsOf(`${QUEUES.webhook}.dead`, delivery.id)).toEqual([]);
    },
    scaledTimeout(30_000),
  );

  test('the webhook rate limit applies to this route', async () => {
    const limited = createTestServer(t.db, {
      queue,
      cipher,
      rateLimits: { auth: 1000, api: 1000, webhook: 1 },
    }).server;
    try {
      const send = async () => {
        const delivery = await signedDelivery({
          event: 'star',
          payload: examplePayload('star', REPO),
          secret,
          hookId: HOOK_ID,
        });
        return limited.app.inject({
          method: 'POST',
          url: WEBHOOK_PATH,
          headers: { ...delivery.headers, 'x-forwarded-for': '203.0.113.9' },
          remoteAddress: '203.0.113.77',
          payload: delivery.body,
        });
      };
      expect((await send()).statusCode).toBe(202);
      const refused = await send();
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
    } finally {
      await limited.app.close();
    }
  });

  test('neither the webhook secret nor signatures reach the logs', () => {
    const text = logs.text();
    expect(text).toContain('webhook delivery accepted');
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/sha256=[0-9a-f]{64}/);
  });
});
