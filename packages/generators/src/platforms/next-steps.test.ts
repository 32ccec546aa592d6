import { PLATFORM_IDS } from '@botsmith/shared';
import { describe, expect, it } from 'vitest';
import { generateFrom } from '../../test/helpers';
import { PUBLIC_ROUTES } from './shared/next-steps';

const all = generateFrom({ platforms: [...PLATFORM_IDS], deploy: { target: 'fly' } });

describe('next steps after deploying', () => {
  it('lists one step per chosen platform, owned by it', () => {
    expect(all.project.nextSteps.map((step) => step.neededBy.id).sort()).toEqual(
      [...PLATFORM_IDS].sort(),
    );
    for (const step of all.project.nextSteps) {
      expect(step.neededBy.kind).toBe('platform');
      expect(step.command || step.url || step.detail).toBeTruthy();
    }
  });

  it('names the routes the generated adapters really serve', () => {
    expect(all.file('src/platforms/telegram.ts')).toContain(
      `TELEGRAM_WEBHOOK_PATH = '${PUBLIC_ROUTES.telegram}'`,
    );
    expect(all.file('src/platforms/whatsapp.ts')).toContain(
      `WHATSAPP_WEBHOOK_PATH = '${PUBLIC_ROUTES.whatsapp}'`,
    );
    expect(all.file('src/platforms/slack.ts')).toContain(
      `SLACK_EVENTS_PATH = '${PUBLIC_ROUTES.slack}'`,
    );
    expect(all.file('src/platforms/webchat.ts')).toContain(`'${PUBLIC_ROUTES.widget}'`);
    const step = (id: string) => all.project.nextSteps.find((s) => s.neededBy.id === id);
    // On Fly.io the public origin is known from the app name.
    expect(step('whatsapp')?.detail).toContain('https://my-bot.fly.dev/webhooks/whatsapp');
    expect(step('telegram')?.command).toBe(
      `curl --fail "https://api.telegram.org/bot$TELEGRAM_BOT_TOKEN/setWebhook" --data-urlencode "url=$TELEGRAM_WEBHOOK_URL" --data-urlencode "secret_token=$TELEGRAM_WEBHOOK_SECRET" --data-urlencode 'allowed_updates=["message"]'`,
    );
    expect(step('telegram')?.detail).toContain('long polling, which needs nothing');
    expect(step('slack')?.url).toBe('https://api.slack.com/apps?new_app=1');
    expect(step('slack')?.detail).toContain('slack-app-manifest.json');
    expect(all.paths).toContain('slack-app-manifest.json');
    expect(step('discord')?.command).toBe('npm run deploy-commands');
    expect(step('cli')?.command).toBe('npm run chat');
    expect(
      generateFrom({ platforms: ['cli'], features: [], runtime: { packageManager: 'pnpm' } })
        .project.nextSteps[0]?.command,
    ).toBe('pnpm run chat');
  });

  it("renders the README's After deploying section from the same list", () => {
    const readme = all.file('README.md');
    const section = readme.slice(readme.indexOf('## After deploying'));
    for (const step of all.project.nextSteps) {
      expect(section).toContain(`${step.title}.**`);
      if (step.command) expect(section).toContain(`  ${step.command}\n`);
      if (step.url) expect(section).toContain(`<${step.url}>`);
    }
    // The widget's script tag is shown, not turned into HTML.
    expect(section).toContain('&lt;script src="https://my-bot.fly.dev/widget.js" defer&gt;');
  });
});
