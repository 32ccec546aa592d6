import { expect, GITHUB_URL, SETUP_TIMEOUT_MS, signInThroughEmulator, test } from './fixtures';

// SPEC §2 J3, the unhappy path: GitHub refuses a step; step 8 shows the error with "Retry" and
// "Roll back"; rolling back with the typed repository name asks GitHub to delete it.

test('a failed setup can be retried, then rolled back', async ({ page }) => {
  test.setTimeout(SETUP_TIMEOUT_MS + 90_000);
  const projectName = `j3-fail-${Date.now().toString(36)}`;
  const fullName = `octocat/${projectName}`;

  // Registering the webhook fails twice for good (a 422 is not retried automatically).
  const fault = await page.request.post(`${GITHUB_URL}/_emulator/faults`, {
    data: {
      method: 'POST',
      path: `/repos/${fullName}/hooks`,
      status: 422,
      body: { message: 'Validation Failed: the hook URL is not reachable' },
      times: 2,
    },
  });
  expect(fault.ok()).toBe(true);

  await signInThroughEmulator(page, 'octocat');
  await page.evaluate((name) => {
    localStorage.setItem(
      'botsmith.wizard.v1',
      JSON.stringify({ version: 1, step: 6, furthestStep: 6, config: { project: { name } } }),
    );
  }, projectName);
  await page.reload();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Auto-setup' })).toBeVisible();
  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByRole('list', { name: 'Preflight checks' })).toBeVisible();
  await page.getByRole('button', { name: 'Create repository' }).click();

  const stopped = page.getByRole('alert').filter({ hasText: 'The setup stopped' });
  await expect(stopped).toContainText('Validation Failed', { timeout: SETUP_TIMEOUT_MS });
  const webhookStep = page
    .getByRole('list', { name: 'Setup steps' })
    .getByRole('listitem')
    .filter({ hasText: 'Register the webhook' });
  await expect(webhookStep).toContainText('Failed');

  // Retry runs the failed step again and GitHub refuses once more: the fault's second refusal
  // is used up. (The run may fail again before the page ever shows it queued, so the proof is
  // GitHub's side, not a status in between.)
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect
    .poll(
      async () => {
        const state = (await (await page.request.get(`${GITHUB_URL}/_emulator/state`)).json()) as {
          faults: { path: string }[];
        };
        return state.faults.some((fault) => fault.path === `/repos/${fullName}/hooks`);
      },
      { timeout: 30_000 },
    )
    .toBe(false);
  await expect(page.getByTestId('setup-status')).toContainText('Failed', { timeout: 30_000 });
  await expect(stopped).toContainText('Validation Failed');

  // Roll back, deleting the repository: it takes its full name typed out.
  await page.getByRole('button', { name: 'Roll back' }).click();
  await page
    .getByRole('textbox', { name: `Type ${fullName} to delete the repository` })
    .fill(fullName);
  await page.getByRole('button', { name: 'Roll back and delete the repository' }).click();
  await expect(page.getByTestId('setup-status')).toContainText('Rolled back', { timeout: 30_000 });

  // Botsmith never asks for the delete_repo scope, so GitHub refuses: the user is sent to the
  // repository's settings to delete it there, and the webhook is gone.
  const outcome = page.getByTestId('rollback-outcome');
  await expect(outcome).toContainText('delete_repo');
  await expect(outcome.getByRole('link', { name: 'Open the repository settings' })).toHaveAttribute(
    'href',
    `${GITHUB_URL}/${fullName}/settings`,
  );
  const state = (await (await page.request.get(`${GITHUB_URL}/_emulator/state`)).json()) as {
    repos: { fullName: string; hooks: unknown[] }[];
  };
  expect(state.repos.find((repo) => repo.fullName === fullName)?.hooks).toEqual([]);
});
