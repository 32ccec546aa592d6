import { type BuildConfig, runsAsService } from '@botsmith/shared';
import { markdownText } from '../../lib/escape';
import { packageManagerOf } from '../../lib/package-manager';
import type { ReadmeSection } from '../../types';
import { NODE_RUNTIMES, PNPM_MAJOR } from '../../versions';

/** README sections every project has; user text goes through `markdownText`. */
export function projectReadme(config: BuildConfig): ReadmeSection[] {
  const name = config.project.name; // validated as [a-z0-9._-]: safe inside code spans
  const pm = packageManagerOf(config);
  const run = (script: string) => `\`${pm.run(script)}\``;
  const node = config.runtime.nodeVersion;
  const runtime = NODE_RUNTIMES[node];
  // A terminal-only bot runs no service: no Docker image, and `start` opens the chat.
  const service = runsAsService(config.platforms);
  const sections: ReadmeSection[] = [
    {
      order: 10,
      title: 'Quick start',
      body: [
        `Requires Node.js ${node} or newer (\`${runtime.engines}\`${service ? `; the Docker image is \`${runtime.image}\`` : ''})${pm.name === 'pnpm' ? ` and pnpm ${PNPM_MAJOR}` : ''}.`,
        '',
        '```sh',
        pm.install,
        'cp .env.example .env   # then fill in the values, see below',
        service
          ? `${pm.run('dev')}   # restarts on every change`
          : `${pm.run('dev')}   # opens the chat in this terminal`,
        '```',
        '',
        `\`${pm.lockfile}\` pins every dependency: \`${pm.install}\` installs exactly that tree, as CI${service ? ' and the Docker build do' : ' does'}. After adding or upgrading a dependency (\`${pm.name} ${pm.name === 'pnpm' ? 'add' : 'install'} <package>\`), commit the updated lockfile.`,
        '',
        service
          ? 'Without any platform credentials in `.env` the bot explains what is missing and exits.'
          : 'The bot chats in this terminal and needs no platform credentials.',
      ].join('\n'),
    },
    {
      order: 50,
      title: 'Scripts',
      body: [
        '| Command | What it does |',
        '| --- | --- |',
        service
          ? `| ${run('dev')} | Runs \`src/index.ts\` with tsx and restarts on changes. |`
          : `| ${run('dev')} | Opens the terminal chat from \`src/chat.ts\` with tsx. |`,
        `| ${run('build')} | Compiles to \`dist/\` with \`tsconfig.build.json\`. |`,
        service
          ? `| \`${pm.name} start\` | Runs the compiled bot from \`dist/\`. |`
          : `| \`${pm.name} start\` | Opens the terminal chat, compiled, from \`dist/chat.js\`. |`,
        `| ${run('test')} | Runs the Vitest suite in \`test/\`: no network or tokens needed. |`,
        `| ${run('typecheck')} | Type-checks sources, tests and scripts. |`,
        `| ${run('lint')} | Lints with Biome's recommended rules (\`biome.json\`); formatting is not enforced. |`,
      ].join('\n'),
    },
    {
      order: 55,
      title: 'Project layout',
      body: [
        '- `src/core/`: the platform-independent bot: `handleMessage(message)` returns replies. Commands live in a registry, features hook in as plugins (filter, answer, observe), and platforms that can post to channels register a `Notifier`.',
        '- `src/app.ts`: wires the core to the chosen features; `src/commands.ts` lists every command.',
        '- `src/i18n/`: every text the bot says, by language; code calls `t(key)`.',
        config.features.includes('sessions')
          ? `- \`src/sessions/\`: the \`SessionStore\` interface and the ${config.sessions.store} store; conversations are forgotten after ${config.sessions.ttlSeconds} seconds without activity (\`SESSION_TTL_SECONDS\`).`
          : '- `src/sessions/session-store.ts`: the `SessionStore` interface, for adding conversation memory later.',
        '- `src/platforms/`: one adapter per chat platform, mapping platform events to the core.',
        service
          ? '- `src/index.ts`: starts every platform whose environment variables are set.'
          : '- `src/chat.ts`: opens the terminal chat (`start`, `dev` and `chat` all run it).',
        '- `test/`: unit tests of the core, the sessions and each adapter.',
        '- `.botsmith.json`: the answers this project was generated from, used by Botsmith to propose upgrades.',
      ].join('\n'),
    },
  ];
  if (service) {
    sections.push({
      order: 70,
      title: 'Docker',
      body: [
        '```sh',
        `docker build -t ${name} .`,
        `docker run --rm --env-file .env ${name}`,
        '```',
        '',
        'The image is built in two stages and runs as the unprivileged `node` user.',
      ].join('\n'),
    });
  }
  sections.push({
    order: 90,
    title: 'License',
    body:
      config.project.license === 'UNLICENSED'
        ? 'Proprietary: all rights reserved.'
        : `${markdownText(config.project.license)}.`,
  });
  return sections;
}
