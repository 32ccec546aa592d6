import { describeEachDatabase } from '@botsmith/db/testing';
import { MAX_BATCH_SIZE } from '@botsmith/shared';
import superjson from 'superjson';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSession } from '../sessions/sessions';
import { createTestServer } from '../testing/test-server';
import { testUser } from '../testing/webhook-fixtures';

/** `{"project":{"project":…{}…}}`, `depth` objects deep, as raw JSON text. */
const nested = (depth: number) => `${'{"project":'.repeat(depth)}{}${'}'.repeat(depth)}`;
/** `{"project":[[…]]}`: arrays nest in 2 bytes a level, so this fits in the body limit. */
const deepArray = (depth: number) => `{"project":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describeEachDatabase('procedure input is bounded, plain JSON (real HTTP)', (t) => {
  let server: ReturnType<typeof createTestServer>['server'];
  let url: string;
  let cookie: string;
  let userId: string;
  beforeAll(async () => {
    ({ server } = createTestServer(t.db));
    url = await server.start();
    const user = await testUser(t.db, 9401, 'edgy');
    userId = user.id;
    cookie = `botsmith_session=${(await createSession(t.db, user.id)).token}`;
  });
  afterAll(() => server.stop());

  const post = (path: string, body: string) =>
    fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body,
    });
  /** Status, tRPC code and message of a single call's response. */
  const outcome = async (response: Response) => {
    const body = (await response.json()) as {
      error?: { json?: { message: string; data: { code: string } } };
    };
    return {
      status: response.status,
      code: body.error?.json?.data.code ?? null,
      message: body.error?.json?.message ?? null,
    };
  };
  const refused = (message: RegExp) => ({
    status: 400,
    code: 'BAD_REQUEST',
    message: expect.stringMatching(message),
  });
  const draft = (config: string) => `{"json":{"name":"edge-bot","config":${config}}}`;

  test.each([
    ['U+0000 in a string', draft('{"project":{"description":"a\\u0000b"}}'), /U\+0000/],
    ['U+0000 in a key', draft('{"a\\u0000":1}'), /U\+0000/],
    ['a lone surrogate', draft('{"project":{"description":"a\\ud800b"}}'), /lone surrogate/],
    ['nesting 5,000 deep', draft(nested(5000)), /nested deeper than 32/],
    ['arrays nested 400,000 deep', draft(deepArray(400_000)), /nested deeper than 32/],
    [
      'a superjson bigint',
      superjson.stringify({ name: 'edge-bot', config: { sessions: { ttlSeconds: 86_400n } } }),
      /config\.sessions\.ttlSeconds is of type bigint/,
    ],
  ])('project.saveDraft with %s answers 400 with a clear message', async (_, body, message) => {
    expect(await outcome(await post('project.saveDraft', body))).toEqual(refused(message));
  });

  test('values superjson could revive but JSON cannot hold are refused, naming the type', async () => {
    const values: [unknown, RegExp][] = [
      [new Date(0), /of type Date/],
      [new Map([['a', 1]]), /of type Map/],
      [new Set([1]), /of type Set/],
      [/x/g, /of type RegExp/],
      [new Error('x'), /of type Error/],
      [Number.NaN, /NaN/],
      [Number.POSITIVE_INFINITY, /Infinity/],
      [[1, undefined], /undefined/],
    ];
    for (const [value, message] of values) {
      const body = superjson.stringify({ name: 'edge-bot', config: { project: { value } } });
      expect(await outcome(await post('project.saveDraft', body)), String(value)).toEqual(
        refused(message),
      );
    }
  });

  test('a 60,000-key object is refused as too many values', async () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `"k${i}":0`).join(',');
    expect(await outcome(await post('project.saveDraft', draft(`{${keys}}`)))).toEqual(
      refused(/more than 10000 values/),
    );
  });

  test('none of the refused drafts was stored', async () => {
    const rows = await t.db
      .selectFrom('projects')
      .select('id')
      .where('ownerId', '=', userId)
      .execute();
    expect(rows).toEqual([]);
  });

  test('queries sent as GET with ?input= are checked too, also where the input is ignored', async () => {
    const get = async (path: string, input: string) =>
      outcome(
        await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(input)}`, {
          headers: { cookie },
        }),
      );
    expect(await get('catalog.get', superjson.stringify(new Date(0)))).toEqual(
      refused(/of type Date/),
    );
    expect(await get('generator.preview', `{"json":${nested(40)}}`)).toEqual(
      refused(/nested deeper than 32/),
    );
    expect(await get('generator.preview', '{"json":{"platforms":["telegram"]}}')).toMatchObject({
      status: 200,
    });
  });

  test(`batches of more than ${MAX_BATCH_SIZE} calls are refused`, async () => {
    const batch = (size: number) =>
      fetch(
        `${url}/trpc/${Array(size).fill('generator.preview').join(',')}?batch=1&input=${encodeURIComponent(
          JSON.stringify(
            Object.fromEntries(Array.from({ length: size }, (_, i) => [i, { json: {} }])),
          ),
        )}`,
      );
    const full = await batch(MAX_BATCH_SIZE);
    expect(full.status).toBe(200);
    expect(await full.json()).toHaveLength(MAX_BATCH_SIZE);
    const over = await batch(MAX_BATCH_SIZE + 1);
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toMatch(/Batch call exceeds maximum size/);
  });
});
