import { generate } from '@botsmith/generators';
import { expect, GITHUB_URL, SETUP_TIMEOUT_MS, signInThroughEmulator, test } from './fixtures';
import { fillRequiredValues, wizardConfig } from './wizard-journey';

// SPEC §2 J4: with a project set up, GitHub's workflow_run events (sent by the emulator to the
// webhook) move a deployment from queued through in progress to success on the dashboard
// without a reload; "Redeploy" on an earlier successful deployment dispatches the deploy
// workflow at GitHub.

test('the dashboard follows deployments live and redeploys an earlier one', async ({ page }) => {
  test.setTimeout(SETUP_TIMEOUT_MS + 60_000);
  const projectName = `j4-bot-${Date.now().toString(36)}`;
  const repoPath = `hubot/${projectName}`;

  const settings = await page.request.post(`${GITHUB_URL}/_emulator/settings`, {
    data: { autoRuns: { conclusion: 'success', delayMs: 300 } },
  });
  expect(settings.ok()).toBe(true);

  // A project with a deploy workflow, set up through steps 7–8 (steps 1–6 are J1's and J3's).
  await signInThroughEmulator(page, 'hubot');
  await page.evaluate((name) => {
    localStorage.setItem(
      'botsmith.wizard.v1',
      JSON.stringify({
        version: 1,
        step: 6,
        furthestStep: 6,
        config: {
          project: { name },
          deploy: { target: 'docker-ghcr' },
          automation: { deploy: true },
        },
      }),
    );
  }, projectName);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Generate' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Auto-setup' })).toBeVisible();
  await page.getByRole('radio', { name: 'Public' }).check();
  // The first deploy needs every required value of the runtime ledger.
  await fillRequiredValues(page, generate(await wizardConfig(page)).ledger);
  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByRole('list', { name: 'Preflight checks' })).toBeVisible();
  await page.getByRole('button', { name: 'Create repository' }).click();

  // No secret value was typed on step 7: the secrets step goes on without asking again.
  await expect(page.getByTestId('setup-status')).toContainText('Set up', {
    timeout: SETUP_TIMEOUT_MS,
  });
  await page.getByRole('link', { name: 'Open the project dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();

  const table = page.getByRole('table', { name: 'Deployments', exact: true });
  const rows = table.getByTestId('deployment-row');
  await expect(page.getByTestId('stat-Deployments')).toBeVisible();
  const before = await rows.count();
  await page.evaluate(() => {
    (window as unknown as { journeyMarker: string }).journeyMarker = 'no reload';
  });

  // GitHub reports a deploy run: queued → in progress → completed, a few seconds apart.
  const run = await page.request.post(`${GITHUB_URL}/_emulator/repos/${repoPath}/runs`, {
    data: { workflow: 'deploy.yml', conclusion: 'success', delayMs: 2500, background: true },
  });
  expect(run.ok()).toBe(true);
  // A run with an environment shows twice: the workflow run and its GitHub deployment.
  await expect(rows.first()).toContainText('In progress');
  expect(await rows.count()).toBeGreaterThan(before);
  await expect(rows.first()).toContainText('Success', { timeout: 15_000 });
  await expect(table).not.toContainText('In progress');
  expect(
    await page.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker),
  ).toBe('no reload');
  const afterFirst = await rows.count();
  // Stats measure a deploying project by its GitHub deployments only: this one release.
  await expect(page.getByTestId('stat-Deployments')).toHaveText('1');

  // A later successful run makes that deployment an earlier one, which can be redeployed.
  const later = await page.request.post(`${GITHUB_URL}/_emulator/repos/${repoPath}/runs`, {
    data: { workflow: 'ci.yml', conclusion: 'success' },
  });
  expect(later.ok()).toBe(true);
  await expect(rows).toHaveCount(afterFirst + 1);
  await expect(rows.first()).toContainText('Success');

  // Redeploy an earlier successful deployment: the deploy workflow is dispatched at GitHub.
  page.once('dialog', (dialog) => void dialog.accept());
  await page
    .getByRole('button', { name: /^Redeploy / })
    .first()
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: /Redeploy of \w+ dispatched/ }),
  ).toBeVisible();
  const state = (await (await page.request.get(`${GITHUB_URL}/_emulator/state`)).json()) as {
    dispatches: { repo: string; workflow?: string; workflowPath?: string }[];
  };
  const dispatches = state.dispatches.filter((dispatch) => dispatch.repo === repoPath);
  expect(dispatches.length).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(dispatches)).toContain('deploy.yml');

  // The projects list: latest deployment, rename, disconnect the webhook.
  await page.getByRole('link', { name: '← Dashboard' }).click();
  const project = page
    .getByRole('list', { name: 'Projects' })
    .getByRole('listitem')
    .filter({ hasText: projectName });
  await expect(project).toContainText('Latest deployment:');
  await expect(project).toContainText('Success');
  await project.getByRole('button', { name: `Rename ${projectName}` }).click();
  const renamed = `${projectName}-renamed`;
  await page.getByRole('textbox', { name: `New name for ${projectName}` }).fill(renamed);
  await page.getByRole('button', { name: 'Save' }).click();
  const renamedRow = page
    .getByRole('list', { name: 'Projects' })
    .getByRole('listitem')
    .filter({ hasText: renamed });
  await expect(renamedRow.getByRole('link', { name: renamed })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await renamedRow.getByRole('button', { name: `Disconnect the webhook of ${renamed}` }).click();
  await expect(renamedRow).toContainText('Webhook disconnected');
  const after = (await (await page.request.get(`${GITHUB_URL}/_emulator/state`)).json()) as {
    repos: { fullName: string; hooks: unknown[] }[];
  };
  expect(after.repos.find((repo) => repo.fullName === repoPath)?.hooks).toEqual([]);
});
