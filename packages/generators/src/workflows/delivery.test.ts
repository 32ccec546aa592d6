// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Actions expressions are literal text here
import { type LedgerEntry, runtimeLedgerSchema } from '@botsmith/shared';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { deployCases } from '../../test/deploy-configs';
import { generateFrom } from '../../test/helpers';
import { DEPLOYABLE_MATRIX } from '../../verify/matrix';

type Step = { id?: string; name?: string; run?: string; env?: Record<string, string> };

const source = (entry: Pick<LedgerEntry, 'name' | 'secret'>) =>
  `\${{ ${entry.secret ? 'secrets' : 'vars'}.${entry.name} }}`;

const mentions = (script: string, name: string) =>
  new RegExp(`(^|[^A-Z0-9_])${name}([^A-Z0-9_]|$)`).test(script);

const cases = deployCases().map((c) => {
  const generated = generateFrom(c.input);
  const workflow = parseYaml(generated.file('.github/workflows/deploy.yml'));
  return { ...c, ...generated, steps: workflow.jobs.deploy.steps as Step[] };
});

describe('the deploy workflow delivers the runtime ledger', () => {
  it('covers every matrix config on every target, and each target with and without /health', () => {
    expect(cases).toHaveLength(DEPLOYABLE_MATRIX.length * 4 + 8);
  });

  it.each(cases)(
    '$name: every runtime name reaches the host',
    ({ target, project, steps, file }) => {
      const runtime = project.ledger.filter((entry) => entry.location === 'runtime');
      expect(runtime.length).toBeGreaterThan(0);
      const delivery = steps.filter((step) => step.name?.startsWith('Deliver'));
      if (target === 'docker-ghcr') {
        // An image has no host to deliver to: it runs with the values of a `.env` file.
        expect(delivery).toEqual([]);
        expect(parseYaml(file('compose.yaml')).services.bot.env_file).toBe('.env');
        for (const entry of runtime) expect(file('.env.example')).toContain(`\n${entry.name}=`);
        return;
      }
      expect(delivery).toHaveLength(1);
      const [step] = delivery as [Step];
      const deployAt = steps.findIndex((s) => s.id === 'deploy');
      expect(steps.indexOf(step)).toBeLessThan(deployAt);
      for (const entry of runtime) {
        expect(step.env?.[entry.name], entry.name).toBe(source(entry));
        expect(mentions(step.run ?? '', entry.name), entry.name).toBe(true);
        if (entry.required) {
          expect(step.run).toContain(`echo "::error::${entry.name} is not set`);
        }
      }
    },
  );

  it.each(cases)(
    '$name: the workflow reads each deploy name from its store',
    ({ project, steps }) => {
      const env = steps.flatMap((step) => Object.entries(step.env ?? {}));
      for (const entry of project.ledger.filter((e) => e.location !== 'runtime')) {
        expect(entry.secret).toBe(entry.location === 'deploy-secret');
        const read = env.filter(([name]) => name === entry.name).map(([, value]) => value);
        expect(read.length, entry.name).toBeGreaterThan(0);
        for (const value of read) expect(value).toBe(source(entry));
      }
    },
  );

  it.each(cases)('$name: no script interpolates an expression', ({ steps }) => {
    for (const step of steps) expect(step.run ?? '').not.toContain('${{');
  });
});

describe('the runtime ledger', () => {
  it.each(cases)('$name: is valid, unique and keeps secrets to themselves', ({ project }) => {
    const { ledger } = project;
    expect(runtimeLedgerSchema.parse(ledger)).toEqual(ledger);
    expect(new Set(ledger.map((entry) => entry.name)).size).toBe(ledger.length);
    for (const entry of ledger) {
      if (entry.secret) expect(entry.example, entry.name).toBeUndefined();
      if (entry.secret && entry.location === 'runtime') {
        expect(entry.helpUrl, entry.name).toMatch(/^https:\/\//);
      }
    }
  });

  it('marks every credential secret, with the page to get it from', () => {
    const { project } = generateFrom({
      platforms: ['discord', 'telegram', 'slack', 'whatsapp', 'twitter'],
      features: ['commands', 'sessions', 'ai'],
      ai: { provider: 'anthropic' },
      sessions: { store: 'redis' },
      deploy: { target: 'render' },
      automation: { deploy: true },
    });
    const byName = new Map(project.ledger.map((entry) => [entry.name, entry]));
    const credentials = {
      DISCORD_TOKEN: 'https://discord.com/developers/applications',
      TELEGRAM_BOT_TOKEN: 'https://t.me/BotFather',
      SLACK_BOT_TOKEN: 'https://api.slack.com/apps',
      WHATSAPP_ACCESS_TOKEN: 'https://developers.facebook.com/apps',
      TWITTER_API_KEY: 'https://developer.x.com/en/portal/dashboard',
      ANTHROPIC_API_KEY: 'https://console.anthropic.com/settings/keys',
      REDIS_URL: expect.stringMatching(/^https:/),
      RENDER_API_KEY: expect.stringMatching(/^https:\/\/render\.com\//),
    };
    for (const [name, helpUrl] of Object.entries(credentials)) {
      expect(byName.get(name), name).toMatchObject({ secret: true, helpUrl });
    }
    expect(byName.get('RENDER_SERVICE_ID')).toMatchObject({
      secret: false,
      required: true,
      location: 'deploy-variable',
    });
    expect(
      generateFrom({ features: ['commands', 'ai'], ai: { provider: 'openai' } }).project.ledger,
    ).toContainEqual(
      expect.objectContaining({
        name: 'OPENAI_API_KEY',
        secret: true,
        helpUrl: expect.any(String),
      }),
    );
  });

  it('asks for HEALTH_URL only when the project serves /health, optional where Fly derives it', () => {
    const healthOf = (target: 'fly' | 'render' | 'railway' | 'docker-ghcr', health: boolean) =>
      generateFrom({
        platforms: ['telegram'],
        features: health ? ['commands', 'health'] : ['commands'],
        deploy: { target },
        automation: { deploy: true },
      }).project.ledger.find((entry) => entry.name === 'HEALTH_URL');
    expect(healthOf('render', true)).toMatchObject({ required: true, location: 'deploy-variable' });
    expect(healthOf('railway', true)).toMatchObject({ required: true, secret: false });
    expect(healthOf('fly', true)).toMatchObject({ required: false });
    expect(healthOf('render', false)).toBeUndefined();
    expect(healthOf('docker-ghcr', true)).toBeUndefined();
  });
});
