import { test as base, expect, type Page } from '@playwright/test';

export type { Page };
export { expect };

/** The GitHub emulator the Playwright config starts (see playwright.config.ts). */
/**
 * How long a journey waits for a setup to get past committing the files: the first setup of a
 * dependency set resolves its lockfile against the npm registry (cached afterwards).
 */
export const SETUP_TIMEOUT_MS = 150_000;

export const GITHUB_URL = `http://127.0.0.1:${process.env.E2E_GITHUB_PORT ?? 4011}`;

/**
 * Every journey runs under the production Content-Security-Policy; any violation (an inline
 * script or style, a foreign image) fails the test. Violations are reported from the page
 * through a binding, which survives navigations, and from Chromium's console messages.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.exposeBinding('__reportCspViolation', (_source, text: string) => {
        violations.push(text);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportCspViolation?: (text: string) => void })
            .__reportCspViolation;
          report?.(
            `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}`,
          );
        });
      });
      page.on('console', (message) => {
        if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

/** Signs in through the real UI and the emulator's authorize page, as `login`. */
export async function signInThroughEmulator(page: Page, login: 'octocat' | 'hubot', from = '/') {
  await page.goto(from);
  await page
    .getByRole('navigation', { name: 'Account' })
    .getByRole('link', { name: 'Sign in' })
    .click();
  await page.getByRole('link', { name: 'Sign in with GitHub (local emulator)' }).click();
  await expect(page).toHaveTitle(/GitHub emulator — Authorize/);
  await page.getByRole('button', { name: `Authorize as ${login}` }).click();
  await expect(
    page.getByRole('navigation', { name: 'Account' }).getByText(login, { exact: true }),
  ).toBeVisible();
}

/** The session cookie's value in this browser context. */
export async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'botsmith_session');
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}
