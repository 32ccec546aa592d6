import { type BuildConfig, buildConfigSchema, type LedgerEntry } from '@botsmith/shared';
import { expect, GITHUB_URL, type Page, signInThroughEmulator } from './fixtures';

// What the auto-setup journeys share: a fresh wizard for a signed-in user, its steps, and the
// emulator's view of the repository they create.

/** A secret scope (repository or environment) as the emulator holds it. */
export interface EmulatorScope {
  /** What each ciphertext decrypts to (the emulator holds the private key). */
  secrets: Record<string, string | null>;
  encryptedSecrets: Record<string, string | null>;
  variables: Record<string, string>;
}

export interface EmulatorRepo extends EmulatorScope {
  owner: string;
  name: string;
  hooks: { url: string; active: boolean }[];
  environments: Record<string, EmulatorScope>;
  dispatches: { workflowPath: string; ref: string; inputs: Record<string, unknown> }[];
}

/** `octocat/name` at the emulator, with its secrets decrypted. */
export async function emulatorRepo(page: Page, name: string): Promise<EmulatorRepo> {
  const response = await page.request.get(`${GITHUB_URL}/_emulator/state`);
  expect(response.ok()).toBe(true);
  const { repos } = (await response.json()) as { repos: EmulatorRepo[] };
  const repo = repos.find((candidate) => candidate.owner === 'octocat' && candidate.name === name);
  if (!repo) throw new Error(`no repository octocat/${name} at the emulator`);
  return repo;
}

export async function nextStep(page: Page, title: string) {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/**
 * Signs in as octocat and opens an empty wizard on step 1; every push to a default branch
 * then starts a workflow run that succeeds.
 */
export async function startWizardSignedIn(page: Page) {
  const settings = await page.request.post(`${GITHUB_URL}/_emulator/settings`, {
    data: { autoRuns: { conclusion: 'success', delayMs: 300 } },
  });
  expect(settings.ok()).toBe(true);
  await signInThroughEmulator(page, 'octocat');
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Platform' })).toBeVisible();
}

/** The config the wizard holds, as it stores it. */
export async function wizardConfig(page: Page): Promise<BuildConfig> {
  return buildConfigSchema.parse(
    JSON.parse((await page.evaluate(() => localStorage.getItem('botsmith.wizard.v1'))) ?? '{}')
      .config,
  );
}

/** Types a made-up value into step 7 for each required ledger name but `except`. */
/** A value for `entry` that fits its format (a Render service ID, a health URL, …). */
export function sampleValue(entry: LedgerEntry): string {
  if (entry.name === 'HEALTH_URL') return 'https://e2e-bot.example/health';
  if (entry.name === 'RENDER_SERVICE_ID') return 'srv-e2e0sample';
  return `e2e-${entry.name.toLowerCase()}`;
}

export async function fillRequiredValues(
  page: Page,
  ledger: readonly LedgerEntry[],
  except: readonly string[] = [],
) {
  for (const entry of ledger) {
    if (entry.required && !except.includes(entry.name)) {
      await page.getByLabel(entry.name).fill(sampleValue(entry));
    }
  }
}
