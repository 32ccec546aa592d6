import type { User } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiToken } from '../api-tokens/api-tokens';
import { createSession } from '../sessions/sessions';
import { createTestServer } from '../testing/test-server';
import { testUser } from '../testing/webhook-fixtures';

describeEachDatabase(
  'request auth follows the matched route, not the spelling of the path',
  (t) => {
    let server: ReturnType<typeof createTestServer>['server'];
    let url: string;
    let user: User;
    beforeAll(async () => {
      ({ server } = createTestServer(t.db));
      url = await server.start();
      user = await testUser(t.db, 9301, 'encoded');
    });
    afterAll(() => server.stop());

    const me = async (path: string, headers: Record<string, string>) => {
      const response = await fetch(`${url}${path}/auth.me`, { headers });
      expect(response.status, path).toBe(200);
      const body = (await response.json()) as {
        result: { data: { json: { user: { login: string }; via: string } | null } };
      };
      const caller = body.result.data.json;
      return caller ? `${caller.user.login} (${caller.via})` : null;
    };

    test.each(['/trpc', '/%74rpc', '/%74%72%70%63'])(
      '%s resolves the session cookie and API tokens',
      async (prefix) => {
        const { token: session } = await createSession(t.db, user.id);
        expect(await me(prefix, { cookie: `botsmith_session=${session}` })).toBe(
          'encoded (session)',
        );
        const { token } = await createApiToken(t.db, user.id, { name: prefix, expiresAt: null });
        expect(await me(prefix, { authorization: `Bearer ${token}` })).toBe('encoded (api_token)');
        expect(await me(prefix, {})).toBeNull();
      },
    );

    test('an invalid API token on an encoded path is refused, not treated as anonymous', async () => {
      const response = await fetch(`${url}/%74rpc/apiToken.list`, {
        headers: { authorization: 'Bearer bsm_nope' },
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { json: { message: string } } };
      expect(body.error.json.message).toMatch(/API token is invalid/);
    });
  },
);
