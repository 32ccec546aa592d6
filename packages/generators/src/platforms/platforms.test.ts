import { FEATURE_IDS, PLATFORM_IDS, type PlatformId } from '@botsmith/shared';
import { describe, expect, it } from 'vitest';
import { generateFrom } from '../../test/helpers';

// What each platform adds on top of the core: its files, npm dependencies, required
// variables (read through the adapter's requiredEnv) and README section.
const EXPECTED: Record<
  PlatformId,
  { files: string[]; dependencies: string[]; required: string[]; readme: string }
> = {
  discord: {
    files: ['scripts/deploy-commands.ts', 'src/platforms/discord.ts', 'test/discord.test.ts'],
    dependencies: ['discord.js'],
    required: ['DISCORD_TOKEN'],
    readme: 'Discord setup',
  },
  telegram: {
    files: ['src/platforms/split-text.ts', 'src/platforms/telegram.ts', 'test/telegram.test.ts'],
    dependencies: ['@grammyjs/runner', 'grammy', 'hono', '@hono/node-server'],
    required: ['TELEGRAM_BOT_TOKEN'],
    readme: 'Telegram setup',
  },
  whatsapp: {
    files: [
      'src/platforms/whatsapp-graph.ts',
      'src/platforms/whatsapp-webhook.ts',
      'src/platforms/whatsapp.ts',
      'test/whatsapp.test.ts',
    ],
    dependencies: ['hono', '@hono/node-server'],
    required: [
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_PHONE_NUMBER_ID',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_VERIFY_TOKEN',
    ],
    readme: 'WhatsApp setup',
  },
  slack: {
    files: [
      'slack-app-manifest.json',
      'src/platforms/slack-receiver.ts',
      'src/platforms/slack.ts',
      'test/slack.test.ts',
    ],
    dependencies: ['@slack/bolt', 'hono', '@hono/node-server'],
    required: ['SLACK_BOT_TOKEN'],
    readme: 'Slack setup',
  },
  twitter: {
    files: ['src/platforms/twitter-client.ts', 'src/platforms/twitter.ts', 'test/twitter.test.ts'],
    dependencies: ['twitter-api-v2'],
    required: [
      'TWITTER_API_KEY',
      'TWITTER_API_SECRET',
      'TWITTER_ACCESS_TOKEN',
      'TWITTER_ACCESS_SECRET',
    ],
    readme: 'Twitter / X setup',
  },
  webchat: {
    files: [
      'src/platforms/webchat-rate-limit.ts',
      'src/platforms/webchat-widget.ts',
      'src/platforms/webchat.ts',
      'test/webchat-widget.test.ts',
      'test/webchat.test.ts',
    ],
    dependencies: ['hono', '@hono/node-server'],
    required: ['PORT'],
    readme: 'Web chat setup',
  },
  cli: {
    files: ['src/chat.ts', 'src/platforms/cli.ts', 'test/cli.test.ts'],
    dependencies: [],
    required: [],
    readme: 'Terminal chat',
  },
};

// Each platform alone, without the health endpoint (which brings the HTTP server along).
const FEATURES = ['commands', 'sessions'] as const;
const alone = (platform: PlatformId) =>
  generateFrom({ platforms: [platform], features: [...FEATURES] });

describe.each(PLATFORM_IDS)('the %s platform alone', (platform) => {
  const expected = EXPECTED[platform];
  const { paths, file } = alone(platform);
  const manifest = JSON.parse(file('package.json'));

  it('writes its adapter and tests', () => {
    for (const path of expected.files) expect(paths).toContain(path);
    const others = PLATFORM_IDS.filter((p) => p !== platform);
    expect(paths.filter((p) => others.some((other) => p.includes(`platforms/${other}`)))).toEqual(
      [],
    );
  });

  it('depends on its SDK, the logger and zod only, at versions from the version table', () => {
    expect(Object.keys(manifest.dependencies).sort()).toEqual(
      [...expected.dependencies, 'pino', 'zod'].sort(),
    );
    for (const version of Object.values(manifest.dependencies)) {
      expect(version).toMatch(/^[\^~]\d+\.\d+\.\d+$/);
    }
  });

  it('lists every variable it needs in .env.example, with a comment', () => {
    const envExample = file('.env.example');
    for (const name of expected.required) expect(envExample).toMatch(new RegExp(`# .+\\n${name}=`));
    const adapter = file(`src/platforms/${platform}.ts`);
    const requiredEnv = /requiredEnv: \[([^\]]*)\]/.exec(adapter)?.[1] ?? '';
    expect([...requiredEnv.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1])).toEqual(
      platform === 'cli' ? [] : expected.required,
    );
  });

  it('explains its setup in the README', () => {
    const readme = file('README.md');
    expect(readme).toContain(`## ${expected.readme}`);
    for (const name of expected.required) expect(readme).toContain(name);
  });
});

describe('platforms together', () => {
  const all = generateFrom({ platforms: [...PLATFORM_IDS] });

  it('start from one src/index.ts, which skips the CLI and explains how to chat', () => {
    const entry = all.file('src/index.ts');
    for (const adapter of ['discord', 'telegram', 'whatsapp', 'slack', 'twitter', 'webchat']) {
      expect(entry).toContain(`from './platforms/${adapter}.js'`);
    }
    expect(entry).not.toContain('platforms/cli');
    expect(entry).toContain('npm run chat');
    expect(JSON.parse(all.file('package.json')).scripts.chat).toBe('tsx src/chat.ts');
  });

  it('share one HTTP server, listening after every service mounted its routes', () => {
    const entry = all.file('src/index.ts');
    const services = /const services: readonly Service\[\] = \[(.*)\];/.exec(entry)?.[1] ?? '';
    expect(services.split(', ').at(-1)).toBe('httpServerService');
    expect(all.file('.env.example').match(/^PORT=/gm)).toHaveLength(1);
    expect(all.file('Dockerfile')).toContain('EXPOSE 3000');
  });

  it('opens no HTTP server for platforms that need none', () => {
    const { paths, file } = generateFrom({
      platforms: ['discord', 'twitter', 'cli'],
      features: ['commands', 'sessions'],
    });
    expect(paths).not.toContain('src/http/server.ts');
    expect(file('package.json')).not.toContain('hono');
    expect(file('Dockerfile')).not.toContain('EXPOSE');
  });

  it('use the core contracts: the command list, locales, notifiers, the composition root', () => {
    const everything = generateFrom({
      platforms: [...PLATFORM_IDS],
      features: [...FEATURE_IDS],
      ai: { provider: 'openai' },
    });
    expect(everything.file('src/platforms/telegram.ts')).toContain('locale: from.language_code');
    expect(everything.file('src/platforms/telegram.ts')).toContain('!command.adminOnly');
    for (const platform of ['discord', 'telegram', 'slack']) {
      expect(everything.file(`src/platforms/${platform}.ts`)).toMatch(
        /notifier(: \w+Notifier\(| \})/,
      );
    }
    expect(everything.file('src/chat.ts')).toContain('await createApp(');
    expect(everything.file('src/commands.ts')).toContain('...adminCommands');
  });

  it('work without the sessions feature: nothing imports the memory store', () => {
    const { project } = generateFrom({ platforms: [...PLATFORM_IDS], features: ['commands'] });
    for (const { path, content } of project.files) {
      expect(content, path).not.toContain('MemorySessionStore');
      // The command list comes from src/commands.ts, no longer from the core.
      expect(content, path).not.toMatch(/builtInCommands[^}]*\} from '[./]+\/core\/index\.js'/);
    }
  });

  it('say how to chat with the package manager of the project', () => {
    const pnpm = generateFrom({
      platforms: ['cli'],
      features: [],
      runtime: { packageManager: 'pnpm' },
    });
    expect(pnpm.file('README.md')).toContain('`pnpm run chat`');
    const withTelegram = generateFrom({
      platforms: ['telegram', 'cli'],
      features: [],
      runtime: { packageManager: 'pnpm' },
    });
    expect(withTelegram.file('src/index.ts')).toContain('pnpm run chat');
  });

  it('give a CLI-only project no service: no Dockerfile or src/index.ts, and start opens the chat', () => {
    const cli = generateFrom({ platforms: ['cli'] });
    const paths = cli.project.files.map((file) => file.path);
    expect(paths).not.toContain('Dockerfile');
    expect(paths).not.toContain('src/index.ts');
    expect(JSON.parse(cli.file('package.json')).scripts.start).toBe('node dist/chat.js');
    expect(cli.file('README.md')).not.toContain('docker build');
  });

  it('say how to enable AI in the terminal chat when its key is missing', () => {
    const ai = generateFrom({
      platforms: ['cli'],
      features: ['ai'],
      ai: { provider: 'anthropic' },
    });
    expect(ai.file('src/chat.ts')).toContain('set ANTHROPIC_API_KEY in .env');
  });
});
