import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, signInThroughEmulator, test } from './fixtures';

// SPEC §2 J5: a TypeScript script authenticates with a personal API token created on the
// Account page and, through the packed @botsmith/client installed outside the workspace,
// previews and saves a project and lists projects and deployments — fully typed (the runner
// type-checks it with moduleResolution NodeNext and Bundler before running it).

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../..');

test('a script uses the packed client with a token from the Account page', async ({
  page,
  baseURL,
}) => {
  // Packing, an npm install (from npm's cache after the first run) and two type-checks.
  test.setTimeout(300_000);
  await signInThroughEmulator(page, 'hubot');
  await page.goto('/account');
  const name = `j5 script ${Date.now()}`;
  await page.getByRole('textbox', { name: 'Token name' }).fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('region', { name: 'New API token' });
  const token = await shown.getByRole('textbox', { name: 'API token' }).inputValue();
  expect(token).toMatch(/^bsm_/);

  const projectName = `j5-bot-${Date.now().toString(36)}`;
  const { stdout } = await run(
    process.execPath,
    [resolve(repoRoot, 'scripts/verify-client-package.mjs')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        BOTSMITH_URL: baseURL,
        BOTSMITH_TOKEN: token,
        BOTSMITH_PROJECT_NAME: projectName,
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  expect(stdout).toContain('type-checks with moduleResolution NodeNext and Bundler');
  expect(stdout).toContain('signed in as hubot (api_token)');
  const files = Number(/preview: (\d+) files/.exec(stdout)?.[1]);
  expect(files).toBeGreaterThan(10);
  expect(stdout).toContain('includes package.json');
  expect(stdout).toContain(`saved project ${projectName} (draft)`);
  expect(stdout).toMatch(new RegExp(`projects: .*\\b${projectName}\\b`));
  expect(stdout).toContain(`deployments of ${projectName}: 0`);
  expect(stdout).toContain('live deployment updates: connected');

  // The draft the script saved is the signed-in user's, on the dashboard.
  await page.goto('/dashboard');
  await expect(
    page.getByRole('list', { name: 'Projects' }).getByRole('listitem').filter({
      hasText: projectName,
    }),
  ).toBeVisible();
});
