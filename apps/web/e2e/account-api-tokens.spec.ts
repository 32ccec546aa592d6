import { expect, signInThroughEmulator, test } from './fixtures';

// The account page: create a personal API token (shown once), use it as the SDK would,
// see it listed with its last use, revoke it, and find all of it in the activity log.

test('creates, uses and revokes a personal API token', async ({ page, request }) => {
  await signInThroughEmulator(page, 'hubot');
  await page
    .getByRole('navigation', { name: 'Account' })
    .getByRole('link', { name: /hubot/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();

  // The shared schema validates the form before anything is sent.
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByText('give the token a name')).toBeVisible();

  const name = `e2e script ${Date.now()}`;
  await page.getByRole('textbox', { name: 'Token name' }).fill(name);
  await page.getByRole('combobox', { name: 'Expires after' }).selectOption('30d');
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('region', { name: 'New API token' });
  await expect(shown).toContainText('You will not be able to see it again');
  const token = await shown.getByRole('textbox', { name: 'API token' }).inputValue();
  expect(token).toMatch(/^bsm_[a-z2-7]{24}_[a-z2-7]{52}$/);

  const table = page.getByRole('table', { name: 'Your API tokens' });
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Never');

  // The SDK's way in: Authorization: Bearer.
  const bearer = { authorization: `Bearer ${token}` };
  const me = await request.get('/trpc/auth.me', { headers: bearer });
  expect((await me.json()).result.data.json).toMatchObject({
    user: { login: 'hubot' },
    via: 'api_token',
  });

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();
  await page.reload();
  await expect(row).not.toContainText('Never');

  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(row).toBeHidden();
  expect((await request.get('/trpc/apiToken.list', { headers: bearer })).status()).toBe(401);

  const activity = page.getByRole('list', { name: 'Recent activity' });
  await expect(activity.getByText(/Revoked an API token/).first()).toBeVisible();
  await expect(activity.getByText(/Created an API token/).first()).toBeVisible();
  await expect(activity.getByText(/Signed in with GitHub/).first()).toBeVisible();
});

test('the account page asks signed-out visitors to sign in first', async ({ page }) => {
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Sign in with GitHub (local emulator)' }),
  ).toHaveAttribute('href', '/auth/github?redirect=%2Faccount');
});
