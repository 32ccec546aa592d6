import { describeEachDatabase } from '@botsmith/db/testing';
import { buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BotsmithServer } from '../server';
import { freePort } from '../testing/auth-test-server';
import { type SetupHarness, startSetupHarness } from '../testing/setup-harness';
import { signIn, trpc } from '../testing/sign-in-flow';
import { createTestServer } from '../testing/test-server';
import type { SetupSnapshot } from './snapshot';

const config = buildConfigSchema.parse({ project: { name: 'stream-bot' } });

/** Reads `data:` events of a tRPC SSE response until `until` says stop. */
async function readEvents(
  response: Response,
  until: (snapshot: SetupSnapshot) => boolean,
): Promise<SetupSnapshot[]> {
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error('no body');
  const snapshots: SetupSnapshot[] = [];
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return snapshots;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      const kind = /^event: (.*)$/m.exec(event)?.[1];
      if (data && kind !== 'connected' && kind !== 'ping') {
        const parsed = JSON.parse(data) as { json: SetupSnapshot } | SetupSnapshot;
        const snapshot = 'json' in parsed ? parsed.json : parsed;
        snapshots.push(snapshot);
        if (until(snapshot)) {
          await reader.cancel();
          return snapshots;
        }
      }
      end = buffer.indexOf('\n\n');
    }
  }
}

describeEachDatabase('setup progress over SSE (real HTTP)', (t) => {
  let h: SetupHarness;
  let server: BotsmithServer;
  let url: string;
  beforeAll(async () => {
    h = await startSetupHarness(t.db);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = createTestServer(t.db, {
      port,
      publicUrl: url,
      github: h.githubConfig,
      queue: h.queue,
    }).server;
    await server.start();
    await fetch(`${h.github.url}/_emulator/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ autoRuns: { conclusion: 'failure' } }),
    });
  }, scaledTimeout(60_000));
  afterAll(async () => {
    await server.stop();
    await h.stop();
  });

  test(
    'streams each step change until the run ends, naming the failing job',
    async () => {
      const { jar } = await signIn(url, { login: 'octocat' });
      const target = { owner: 'octocat', name: 'stream-bot', visibility: 'public' };
      const started = await trpc(url, 'setupRun.start', {
        jar,
        mutation: true,
        input: { target, config, plan: { branchProtection: false } },
      });
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      const { runId } = started.body.result.data.json as { runId: string };

      const input = encodeURIComponent(JSON.stringify({ json: { runId } }));
      const open = () =>
        fetch(`${url}/trpc/setupRun.progress?input=${input}`, {
          headers: {
            cookie: jar.header(),
            accept: 'text/event-stream',
            'sec-fetch-site': 'same-origin',
          },
        });
      const first = await open();
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toMatch(/text\/event-stream/);
      const untilPaused = await readEvents(first, (s) => s.status === 'waiting');
      const paused = untilPaused.at(-1);
      expect(paused?.secrets?.names).toEqual(['DISCORD_TOKEN']);
      // Each event is a change: the repo and commit steps were seen running or done.
      expect(untilPaused.length).toBeGreaterThan(1);
      expect(new Set(untilPaused.map((s) => JSON.stringify(s))).size).toBe(untilPaused.length);

      const skip = await trpc(url, 'setupRun.provideSecrets', {
        jar,
        mutation: true,
        input: { runId, keyId: paused?.secrets?.keyId, secrets: [] },
      });
      expect(skip.status, JSON.stringify(skip.body)).toBe(200);

      const rest = await readEvents(await open(), () => false);
      const last = rest.at(-1);
      expect(last?.status).toBe('succeeded');
      expect(last?.steps.find((s) => s.id === 'github:workflow:await-first-run')?.status).toBe(
        'succeeded',
      );
      expect(last?.firstRun).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(last?.firstRun?.failingJob).toEqual(expect.any(String));
      const seen = rest.flatMap((s) =>
        s.steps.filter((step) => step.id === 'github:webhook:create').map((step) => step.status),
      );
      expect(seen).toContain('succeeded');

      const stranger = await signIn(url, { login: 'hubot' });
      const denied = await fetch(`${url}/trpc/setupRun.progress?input=${input}`, {
        headers: {
          cookie: stranger.jar.header(),
          accept: 'text/event-stream',
          'sec-fetch-site': 'same-origin',
        },
      });
      const text = await denied.text();
      expect(text).toContain('NOT_FOUND');
    },
    scaledTimeout(60_000),
  );
});
