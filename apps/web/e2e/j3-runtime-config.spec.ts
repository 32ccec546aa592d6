import { generate } from '@botsmith/generators';
import { groupLedger } from '@botsmith/shared';
import { expect, GITHUB_URL, type Page, SETUP_TIMEOUT_MS, test } from './fixtures';
import {
  type EmulatorScope,
  emulatorRepo,
  fillRequiredValues,
  nextStep,
  startWizardSignedIn,
  wizardConfig,
} from './wizard-journey';

// Issue 12 on J3: step 7 asks for every value of the runtime ledger, grouped by platform with
// help links and what is still missing; the preflight holds a Render project back until its
// service id is typed; step 8 shows the URL a deployment reports and the platform's next
// steps; the secrets page sets and rotates a value that GitHub holds only as ciphertext.

async function production(page: Page, name: string): Promise<EmulatorScope> {
  const scope = (await emulatorRepo(page, name)).environments.production;
  if (!scope) throw new Error('no production environment');
  return scope;
}

/** The page fits the viewport's width: nothing scrolls sideways. */
async function expectNoHorizontalScroll(page: Page) {
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await expect
      .poll(() =>
        page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      )
      .toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a Render project gets every runtime value onto GitHub, its live URL and its next steps', async ({
  page,
}) => {
  test.setTimeout(SETUP_TIMEOUT_MS + 90_000);
  const projectName = `j3-render-${Date.now().toString(36)}`;
  const token = 'discord-token-sealed-in-the-browser';
  const rotated = 'discord-token-rotated-on-the-secrets-page';
  const serviceId = 'srv-e2e0runtime0config';

  await startWizardSignedIn(page);

  // Steps 1–6: Discord (the default), deployed to Render by the deploy workflow.
  await nextStep(page, 'Priorities');
  await nextStep(page, 'Features');
  await nextStep(page, 'Configuration');
  await page.getByRole('textbox', { name: 'Project name' }).fill(projectName);
  await page.getByLabel('Deploy target').selectOption('render');
  await page.getByRole('checkbox', { name: 'Deploy', exact: true }).check();
  await nextStep(page, 'Review');
  await nextStep(page, 'Generate');
  await nextStep(page, 'Auto-setup');

  const { ledger, nextSteps } = generate(await wizardConfig(page));

  // Step 7: every ledger name, grouped by what needs it, with its help link.
  for (const group of groupLedger(ledger)) {
    const fieldset = page.getByRole('group', { name: group.label, exact: true });
    for (const entry of group.entries) {
      const input = fieldset.getByLabel(entry.name, { exact: false });
      await expect(input).toHaveAttribute('type', entry.secret ? 'password' : 'text');
      if (entry.helpUrl) {
        const help = fieldset.getByRole('link', { name: `How to get ${entry.name}` });
        await expect(help).toHaveAttribute('href', entry.helpUrl);
        await expect(help).toHaveAttribute('target', '_blank');
        await expect(help).toHaveAttribute('rel', 'noreferrer');
      }
    }
  }
  const render = page.getByRole('group', { name: 'Render', exact: true });
  await expect(render.getByRole('link', { name: 'How to get RENDER_SERVICE_ID' })).toBeVisible();
  const missing = page.getByTestId('missing-summary');
  await expect(missing).toContainText('Still missing');
  await expect(missing).toContainText('Discord: DISCORD_TOKEN');
  await expect(missing).toContainText('Render: RENDER_API_KEY, RENDER_SERVICE_ID');

  await page.getByLabel('DISCORD_TOKEN').fill(token);
  await fillRequiredValues(page, ledger, ['DISCORD_TOKEN', 'RENDER_SERVICE_ID']);
  await expect(missing).toHaveText(/Still missing\s*Render: RENDER_SERVICE_ID$/);

  // The preflight refuses the Render project without its service id, with the fix.
  const create = page.getByRole('button', { name: 'Create repository' });
  await page.getByRole('button', { name: 'Run checks' }).click();
  const checks = page.getByRole('list', { name: 'Preflight checks' }).getByRole('listitem');
  const runtime = checks.filter({ hasText: 'RENDER_SERVICE_ID' });
  await expect(runtime).toContainText('Failed');
  await expect(runtime).toContainText('Fix:');
  await expect(create).toBeDisabled();

  // A value the deploy would refuse is flagged where it is typed.
  await render.getByLabel('RENDER_SERVICE_ID').fill('my-service');
  await expect(
    render.getByText('RENDER_SERVICE_ID must be a Render service ID such as srv-abc123.'),
  ).toBeVisible();
  await render.getByLabel('RENDER_SERVICE_ID').fill(serviceId);
  await expect(render.getByText('must be a Render service ID')).toHaveCount(0);
  await expect(missing).toContainText('Every required value has one.');
  await expect(page.getByText('The target or the values changed')).toBeVisible();
  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(checks.first()).toBeVisible();
  await expect(checks.filter({ hasText: 'Failed' })).toHaveCount(0);
  // Secrets never reach storage.
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(token);
  await create.click();

  // Step 8: the run succeeds; the URL appears once a deployment reports one.
  await expect(page.getByRole('heading', { level: 2, name: 'Complete' })).toBeVisible();
  await expect(page.getByTestId('setup-status')).toContainText('Set up', {
    timeout: SETUP_TIMEOUT_MS,
  });
  const deploymentUrl = page.getByTestId('deployment-url');
  await expect(deploymentUrl).toContainText('appears here');

  // Every value is in the production environment: the secret as ciphertext, the id in clear.
  const stored = await production(page, projectName);
  expect(stored.variables.RENDER_SERVICE_ID).toBe(serviceId);
  expect(stored.secrets.DISCORD_TOKEN).toBe(token);
  expect(stored.encryptedSecrets.DISCORD_TOKEN).not.toContain(token);

  // Platform next steps from the generator, each with its command and a Copy button.
  expect(nextSteps.length).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: 'Next steps' })).toBeVisible();
  for (const group of groupLedger(nextSteps)) {
    const section = page.getByRole('region', { name: `Next steps for ${group.label}` });
    await expect(section.getByRole('heading', { name: group.label })).toBeVisible();
    for (const step of group.entries) {
      const item = section.getByRole('listitem').filter({ hasText: step.title });
      await expect(item).toContainText(step.detail);
      if (step.command) {
        await expect(item.locator('code')).toHaveText(step.command);
        await expect(
          item.getByRole('button', { name: `Copy the command: ${step.title}` }),
        ).toBeVisible();
      }
      if (step.url) await expect(item.getByRole('link', { name: step.url })).toBeVisible();
    }
  }

  const liveUrl = `https://${projectName}.onrender.com`;
  const simulated = await page.request.post(
    `${GITHUB_URL}/_emulator/repos/octocat/${projectName}/deployments`,
    { data: { environment: 'production', environment_url: liveUrl, state: 'success' } },
  );
  expect(simulated.ok()).toBe(true);
  await expect(deploymentUrl.getByRole('link', { name: liveUrl })).toHaveAttribute('href', liveUrl);
  await expectNoHorizontalScroll(page);

  // The secrets page, from the project's page. Botsmith must never see a value in clear.
  const sent: string[] = [];
  page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
  await page.getByRole('link', { name: 'Open the project dashboard' }).click();
  // The project's page links to the live bot too, in its header and on the deployment.
  await expect(page.getByRole('link', { name: liveUrl })).toHaveAttribute('href', liveUrl);
  await expect(
    page.getByRole('link', { name: /^Open the bot deployed by/ }).first(),
  ).toHaveAttribute('href', liveUrl);
  await page.getByRole('link', { name: 'Secrets and variables' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Secrets and variables' }),
  ).toBeVisible();
  await expect(page.getByText(`octocat/${projectName}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Render' })).toBeVisible();
  const serviceRow = page.getByRole('listitem', { name: 'RENDER_SERVICE_ID' });
  await expect(serviceRow.getByTestId('secret-state')).toContainText('Set · updated');
  await expect(serviceRow.getByTestId('variable-value')).toHaveText(serviceId);
  const tokenRow = page.getByRole('listitem', { name: 'DISCORD_TOKEN', exact: true });
  await expect(tokenRow.getByTestId('secret-state')).toContainText('Set · updated');
  await expect(tokenRow.getByTestId('variable-value')).toHaveCount(0);
  await expectNoHorizontalScroll(page);

  // Delete the token (after a confirmation), set it again, then rotate it.
  await tokenRow.getByRole('button', { name: 'Delete DISCORD_TOKEN' }).click();
  await tokenRow.getByRole('button', { name: 'Yes, delete DISCORD_TOKEN' }).click();
  await expect(tokenRow.getByTestId('secret-state')).toContainText('Missing');
  await expect(page.getByTestId('missing-summary')).toContainText('Discord: DISCORD_TOKEN');
  await expect
    .poll(async () => (await production(page, projectName)).secrets)
    .not.toHaveProperty('DISCORD_TOKEN');

  await tokenRow.getByRole('button', { name: 'Set DISCORD_TOKEN' }).click();
  await tokenRow.getByLabel('New value for DISCORD_TOKEN').fill(token);
  await tokenRow.getByRole('button', { name: 'Save DISCORD_TOKEN' }).click();
  await expect(tokenRow.getByTestId('secret-state')).toContainText('Set · updated');
  await expect
    .poll(async () => (await production(page, projectName)).secrets.DISCORD_TOKEN)
    .toBe(token);

  await tokenRow.getByRole('button', { name: 'Rotate DISCORD_TOKEN' }).click();
  await tokenRow.getByLabel('New value for DISCORD_TOKEN').fill(rotated);
  await tokenRow.getByRole('button', { name: 'Save DISCORD_TOKEN' }).click();
  await expect(tokenRow.getByRole('button', { name: 'Rotate DISCORD_TOKEN' })).toBeVisible();
  await expect
    .poll(async () => (await production(page, projectName)).secrets.DISCORD_TOKEN)
    .toBe(rotated);
  const after = await production(page, projectName);
  expect(after.encryptedSecrets.DISCORD_TOKEN).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  expect(after.encryptedSecrets.DISCORD_TOKEN).not.toContain(rotated);
  expect(sent.some((line) => line.includes('projectSecrets.setSecret'))).toBe(true);
  for (const line of sent) {
    expect(line).not.toContain(token);
    expect(line).not.toContain(rotated);
  }

  // The running bot still has the old token: redeploy the last deployed commit with the new.
  await page.getByRole('button', { name: 'Redeploy with the new values' }).click();
  await expect(page.getByRole('region', { name: 'Redeploy' })).toContainText('started');
  await expect
    .poll(async () =>
      (await emulatorRepo(page, projectName)).dispatches.some((dispatch) =>
        dispatch.workflowPath.endsWith('deploy.yml'),
      ),
    )
    .toBe(true);
});
