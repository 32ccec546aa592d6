import { generate } from '@botsmith/generators';
import { expect, GITHUB_URL, SETUP_TIMEOUT_MS, test } from './fixtures';
import { emulatorRepo, nextStep, startWizardSignedIn, wizardConfig } from './wizard-journey';

// SPEC §2 J3: a signed-in user finishes the wizard, passes the preflight and watches the setup
// stream live; the repository at (emulated) GitHub holds exactly the generated files in one
// commit, the webhook, the sealed secret and the plain value in its production environment,
// and the first workflow run's success shows.

test('a signed-in user creates the repository on GitHub and watches the setup', async ({
  page,
}) => {
  test.setTimeout(SETUP_TIMEOUT_MS + 60_000);
  const projectName = `j3-bot-${Date.now().toString(36)}`;
  const token = 'discord-token-sealed-in-the-browser';
  const clientId = '123456789012345678';

  await startWizardSignedIn(page);

  // Steps 1–6 with the defaults and a fresh name.
  await nextStep(page, 'Priorities');
  await nextStep(page, 'Features');
  await nextStep(page, 'Configuration');
  await page.getByRole('textbox', { name: 'Project name' }).fill(projectName);
  await nextStep(page, 'Review');
  await nextStep(page, 'Generate');
  await nextStep(page, 'Auto-setup');

  // Step 7: the target, the secret value (memory only), the preflight.
  await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveValue('octocat');
  await expect(page.getByRole('textbox', { name: 'Repository name' })).toHaveValue(projectName);
  await page.getByRole('radio', { name: 'Public' }).check();
  await page.getByLabel('DISCORD_TOKEN').fill(token);
  await page.getByLabel('DISCORD_CLIENT_ID').fill(clientId);
  const create = page.getByRole('button', { name: 'Create repository' });
  await expect(create).toBeDisabled();
  await page.getByRole('button', { name: 'Run checks' }).click();
  const checks = page.getByRole('list', { name: 'Preflight checks' }).getByRole('listitem');
  await expect(checks.first()).toBeVisible();
  expect(await checks.count()).toBeGreaterThanOrEqual(3);
  await expect(checks.filter({ hasText: 'Repository name is free' })).toContainText('Passed');
  await expect(checks.filter({ hasText: 'Failed' })).toHaveCount(0);
  const config = await wizardConfig(page);
  // Secrets never reach storage.
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(token);
  await create.click();

  // Step 8: the steps stream in live until the run succeeds.
  await expect(page.getByRole('heading', { level: 2, name: 'Complete' })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Setup steps' }).getByRole('listitem');
  await expect(steps.filter({ hasText: 'Create the repository' })).toContainText('Done');
  await expect(page.getByTestId('setup-status')).toContainText('Set up', {
    timeout: SETUP_TIMEOUT_MS,
  });
  await expect(steps.filter({ hasText: 'Commit the generated files' })).toContainText('Done');
  await expect(steps.filter({ hasText: 'Create the production environment' })).toContainText(
    'Done',
  );
  await expect(
    steps.filter({ hasText: 'Store the secrets in the production environment' }),
  ).toContainText('Done');
  await expect(steps.filter({ hasText: 'Set the production environment variables' })).toContainText(
    'Done',
  );
  await expect(steps.filter({ hasText: 'Register the webhook' })).toContainText('Done');
  await expect(page.getByTestId('first-run')).toContainText('success');
  await expect(page.getByRole('link', { name: `octocat/${projectName}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'GitHub Actions' })).toBeVisible();

  // The repository holds exactly the generated files, in one commit…
  const filesResponse = await page.request.get(
    `${GITHUB_URL}/_emulator/repos/octocat/${projectName}/files`,
  );
  expect(filesResponse.ok()).toBe(true);
  const tree = (await filesResponse.json()) as {
    files: Record<string, string>;
    commits: { sha: string; message: string; parents: string[] }[];
  };
  const expected = Object.fromEntries(
    generate(config).files.map((file) => [file.path, file.content]),
  );
  // …and the lockfile, resolved against the registry for exactly that package.json.
  const { 'package-lock.json': lockfile, ...generated } = tree.files;
  expect(Object.keys(generated).sort()).toEqual(Object.keys(expected).sort());
  expect(generated).toEqual(expected);
  const lock = JSON.parse(lockfile ?? '{}');
  expect(lock.packages?.['']?.dependencies).toEqual(
    JSON.parse(expected['package.json'] ?? '{}').dependencies,
  );
  // GitHub's initial commit (the Git Data API needs a non-empty repository), then all the
  // generated files in a single commit on top of it.
  expect(tree.commits).toHaveLength(2);
  expect(tree.commits[1]?.parents).toEqual([]);
  expect(tree.commits[0]?.parents).toEqual([tree.commits[1]?.sha]);

  // The webhook points at Botsmith; the secret (sealed in the browser) and the plain value are
  // in the production environment, not the repository.
  const repo = await emulatorRepo(page, projectName);
  expect(repo.hooks.some((hook) => hook.active && hook.url.endsWith('/webhooks/github'))).toBe(
    true,
  );
  expect(repo.environments.production?.secrets.DISCORD_TOKEN).toBe(token);
  expect(repo.environments.production?.variables.DISCORD_CLIENT_ID).toBe(clientId);
  expect(repo.secrets).not.toHaveProperty('DISCORD_TOKEN');

  // A reload of step 8 resumes watching the same run.
  await page.reload();
  await expect(page.getByTestId('setup-status')).toContainText('Set up');

  // The project is on the dashboard.
  await page
    .getByRole('navigation', { name: 'Account' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(page.getByRole('list', { name: 'Projects' })).toContainText(projectName);
});
