import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, type Page, test } from './fixtures';

// SPEC §2 J1: walk steps 1–6 anonymously, preview the generated files, download the zip;
// the wizard survives a reload.

const PROJECT_NAME = 'e2e-discord-bot';

function currentStep(page: Page) {
  return page.getByRole('navigation', { name: 'Wizard steps' }).locator('[aria-current="step"]');
}

async function expectStep(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(currentStep(page)).toContainText(title);
}

test('an anonymous user builds a Discord bot and downloads it', async ({ page, context }) => {
  // The download resolves the lockfile against the npm registry (cached once resolved).
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');

  // All eight steps are listed; the last two wait for sign-in.
  const stepper = page.getByRole('navigation', { name: 'Wizard steps' });
  await expect(stepper.getByRole('listitem')).toHaveCount(8);
  for (const title of ['Auto-setup', 'Complete']) {
    const step = stepper.getByRole('button', { name: new RegExp(title) });
    await expect(step).toBeDisabled();
    await expect(step).toContainText('Sign in required');
  }

  // Step 1: at least one platform.
  await expectStep(page, 'Platform');
  const discord = page.getByRole('checkbox', { name: 'Discord', exact: true });
  await discord.uncheck();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('choose at least one platform')).toBeVisible();
  await expectStep(page, 'Platform');
  await discord.check();
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: ranked priorities.
  await expectStep(page, 'Priorities');
  await page.getByRole('button', { name: 'Add Reliability' }).click();
  const ranking = page.getByRole('list', { name: 'Ranked priorities' }).getByRole('listitem');
  await expect(ranking.last()).toContainText('Reliability');
  await page.getByRole('button', { name: 'Move Reliability up' }).click();
  await expect(ranking.nth(1)).toContainText('Reliability');

  // Reloading mid-wizard keeps the step and the choices.
  await page.reload();
  await expectStep(page, 'Priorities');
  await expect(ranking).toHaveCount(3);
  await expect(ranking.nth(1)).toContainText('Reliability');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 3: features; Discord supports them all.
  await expectStep(page, 'Features');
  await expect(page.getByRole('checkbox', { name: 'Commands', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Moderation', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 4: the project name is validated as it is typed.
  await expectStep(page, 'Configuration');
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.fill('Not A Name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/must start with a lowercase letter/)).toBeVisible();
  await name.fill(PROJECT_NAME);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');

  await page.reload();
  await expectStep(page, 'Configuration');
  await expect(page.getByRole('textbox', { name: 'Project name' })).toHaveValue(PROJECT_NAME);
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 5: everything on one page and valid.
  await expectStep(page, 'Review');
  await expect(page.getByText('Everything checks out')).toBeVisible();
  await expect(page.getByRole('main')).toContainText(PROJECT_NAME);
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 6: the file tree and highlighted code.
  await expectStep(page, 'Generate');
  const tree = page.getByRole('navigation', { name: 'Generated files' });
  await expect(tree.getByRole('button', { name: 'package.json', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'README.md', exact: true })).toBeVisible();

  const src = tree.getByRole('button', { name: 'src/', exact: true });
  await expect(src).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.getByTitle('src/index.ts')).toBeVisible();
  await src.click();
  await expect(src).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByTitle('src/index.ts')).toBeHidden();
  await src.click();

  await tree.getByRole('button', { name: 'package.json', exact: true }).click();
  const code = page.getByRole('region', { name: 'Contents of package.json' });
  await expect(code).toContainText(`"name": "${PROJECT_NAME}"`);
  await expect(code.locator('.hljs-attr').first()).toBeVisible();

  await page.getByRole('button', { name: 'Copy package.json' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied package.json' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied).name).toBe(PROJECT_NAME);

  // The lockfile cannot be resolved in the browser: the preview says when it is.
  await tree.getByRole('button', { name: 'package-lock.json', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Contents of package-lock.json' })).toContainText(
    'resolved when you download',
  );

  // The zip holds the project under a folder named after it, with its resolved lockfile.
  const downloadPromise = page.waitForEvent('download', { timeout: 150_000 });
  await page.getByRole('button', { name: 'Download zip' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${PROJECT_NAME}.zip`);
  const zipPath = await download.path();
  const entries = unzipSync(new Uint8Array(await readFile(zipPath)));
  const paths = Object.keys(entries);
  for (const file of [
    'package.json',
    'src/index.ts',
    'src/platforms/discord.ts',
    'README.md',
    '.botsmith.json',
    '.env.example',
    'Dockerfile',
    '.github/workflows/ci.yml',
  ]) {
    expect(paths).toContain(`${PROJECT_NAME}/${file}`);
  }
  const manifest = entries[`${PROJECT_NAME}/package.json`];
  expect(manifest && JSON.parse(strFromU8(manifest)).name).toBe(PROJECT_NAME);
  const lock = entries[`${PROJECT_NAME}/package-lock.json`];
  const resolved = lock && JSON.parse(strFromU8(lock));
  expect(resolved.name).toBe(PROJECT_NAME);
  expect(resolved.packages['node_modules/discord.js'].version).toMatch(/^\d+\.\d+\.\d+/);

  // Going back to change an option regenerates the preview.
  await stepper.getByRole('button', { name: /Configuration/ }).click();
  await expectStep(page, 'Configuration');
  await page.getByRole('textbox', { name: 'Project name' }).fill(`${PROJECT_NAME}-2`);
  await stepper.getByRole('button', { name: /Generate/ }).click();
  await expectStep(page, 'Generate');
  await tree.getByRole('button', { name: 'package.json', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Contents of package.json' })).toContainText(
    `"name": "${PROJECT_NAME}-2"`,
  );
});

test('corrupt saved state falls back to a fresh wizard', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('botsmith.wizard.v1', '{"version":1,"config":');
    }
  });
  await page.goto('/');
  await expectStep(page, 'Platform');
  await expect(page.getByRole('checkbox', { name: 'Discord', exact: true })).toBeChecked();
});
