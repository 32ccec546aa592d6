import { expect, sessionCookie, test } from './fixtures';

// SPEC §2 J2: "Sign in with GitHub" → GitHub's authorize page (the local emulator) → back in
// the app, signed in, avatar and login shown; reload keeps the session; sign-out ends it on
// the server; a forged state is rejected.

const SCOPES = ['read:user', 'user:email', 'repo', 'workflow', 'admin:repo_hook'];

test('signs in through the GitHub emulator, stays signed in, signs out', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const account = page.getByRole('navigation', { name: 'Account' });
  await account.getByRole('link', { name: 'Sign in' }).click();

  // The sign-in page explains every scope and says plainly that the emulator stands in.
  await expect(page).toHaveURL(/\/sign-in\?redirect=%2F$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  for (const scope of SCOPES) await expect(page.getByText(scope, { exact: true })).toBeVisible();
  await expect(page.getByText('local GitHub emulator')).toBeVisible();
  await page.getByRole('link', { name: 'Sign in with GitHub (local emulator)' }).click();

  // GitHub's (the emulator's) authorize page.
  await expect(page).toHaveTitle(/GitHub emulator — Authorize/);
  for (const scope of SCOPES) await expect(page.getByText(scope, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Authorize as octocat' }).click();

  // Back where the user started, signed in: avatar and login.
  await expect(page).toHaveURL('/');
  const avatar = account.getByRole('img', { name: 'Avatar of octocat' });
  await expect(avatar).toBeVisible();
  await expect
    .poll(() => avatar.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(account.getByText('octocat', { exact: true })).toBeVisible();

  const cookie = (await page.context().cookies()).find((c) => c.name === 'botsmith_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(cookie?.value).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{52}$/);
  expect(await page.evaluate(() => document.cookie)).not.toContain('botsmith_session');

  // A reload keeps the session.
  await page.reload();
  await expect(account.getByRole('img', { name: 'Avatar of octocat' })).toBeVisible();
  const token = await sessionCookie(page);
  const before = await request.get('/trpc/auth.me', {
    headers: { cookie: `botsmith_session=${token}` },
  });
  expect((await before.json()).result.data.json.user.login).toBe('octocat');

  // Sign out: the UI says so, and the server no longer accepts the old cookie.
  await account.getByRole('button', { name: 'Sign out' }).click();
  await expect(account.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(account.getByRole('img', { name: 'Avatar of octocat' })).toBeHidden();
  const after = await request.get('/trpc/auth.me', {
    headers: { cookie: `botsmith_session=${token}` },
  });
  expect((await after.json()).result.data.json).toBeNull();
  const denied = await request.get('/trpc/apiToken.list', {
    headers: { cookie: `botsmith_session=${token}` },
  });
  expect(denied.status()).toBe(401);

  await page.reload();
  await expect(account.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('a forged or stale state is rejected and explained', async ({ page }) => {
  await page.goto('/auth/github/callback?code=0123456789abcdef0123&state=forged');
  await expect(page).toHaveURL('/sign-in?error=OAUTH_STATE_MISMATCH');
  await expect(page.getByRole('alert')).toContainText('was not started here');
  await expect(
    page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
  ).toBeVisible();
});

test('cancelling at GitHub returns to the sign-in page', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Sign in with GitHub (local emulator)' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL('/sign-in?error=OAUTH_ACCESS_DENIED');
  await expect(page.getByRole('alert')).toContainText('You cancelled the sign-in');
});
