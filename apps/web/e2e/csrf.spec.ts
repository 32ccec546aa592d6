import { expect, sessionCookie, signInThroughEmulator, test } from './fixtures';

// SPEC §6: a page on another origin cannot make the signed-in browser run a mutation. The
// attacker's page is on 127.0.0.1 too (another port), so it is same-site: SameSite=Lax does
// not help and the browser sends the session cookie. The Origin check must stop it.

const ATTACKER = 'http://127.0.0.1:4999';

test('a form on another origin cannot sign the user out or mint a token', async ({
  page,
  baseURL,
  request,
}) => {
  await signInThroughEmulator(page, 'octocat');
  const token = await sessionCookie(page);

  await page.route(`${ATTACKER}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Win a prize</title>
        <form id="logout" method="post" enctype="multipart/form-data" action="${baseURL}/trpc/auth.logout">
          <input name="json" value="null"><button>Claim prize</button>
        </form>
        <form id="mint" method="post" enctype="text/plain" action="${baseURL}/trpc/apiToken.create">
          <input name='{"json":{"name":"stolen","x":"' value='"}}'><button>Claim more</button>
        </form>`,
    }),
  );
  for (const button of ['Claim prize', 'Claim more']) {
    await page.goto(`${ATTACKER}/prize`);
    const responsePromise = page.waitForResponse((response) =>
      response.url().startsWith(`${baseURL}/trpc/`),
    );
    await page.getByRole('button', { name: button }).click();
    const response = await responsePromise;
    expect(response.status(), button).toBe(403);
    expect((await response.json()).error.code).toBe('CSRF_REJECTED');
  }

  // Still signed in, and no token was created.
  const headers = { cookie: `botsmith_session=${token}` };
  const me = await request.get('/trpc/auth.me', { headers });
  expect((await me.json()).result.data.json.user.login).toBe('octocat');
  const tokens = await request.get('/trpc/apiToken.list', { headers });
  const names = (await tokens.json()).result.data.json.map((t: { name: string }) => t.name);
  expect(names).not.toContain('stolen');
});
