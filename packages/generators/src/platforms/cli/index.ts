import { runsAsService } from '@botsmith/shared';
import { packageManagerOf } from '../../lib/package-manager';
import type { GeneratorModule } from '../../types';
import { PLATFORM_NEXT_STEPS } from '../shared/next-steps';
import { CLI_ADAPTER, cliEntry } from './adapter';
import { cliTest } from './tests';

/**
 * The terminal chat (SPEC §5.1): `node:readline/promises`, no dependency. It runs only
 * through `npm run chat` (a terminal is not a service next to the others), reads piped input
 * as well as a TTY, and needs no configuration.
 */
export const cliPlatform: GeneratorModule<'cli'> = {
  id: 'cli',
  label: 'Terminal (CLI)',
  enabled: (config) => config.platforms.includes('cli'),
  contribute: (config) => {
    const pm = packageManagerOf(config);
    const service = runsAsService(config.platforms);
    const aiKey = !config.features.includes('ai')
      ? undefined
      : config.ai.provider === 'anthropic'
        ? 'ANTHROPIC_API_KEY'
        : 'OPENAI_API_KEY';
    return {
      files: [
        { path: 'src/chat.ts', content: cliEntry(aiKey) },
        { path: 'src/platforms/cli.ts', content: CLI_ADAPTER },
        { path: 'test/cli.test.ts', content: cliTest(config) },
      ],
      scripts: { chat: 'tsx src/chat.ts' },
      startHints: service ? [`To chat with the bot in this terminal, run: ${pm.run('chat')}`] : [],
      nextSteps: PLATFORM_NEXT_STEPS.cli(config),
      readme: [
        {
          order: 26,
          title: 'Terminal chat',
          body: [
            `Talk to the bot in a terminal, with no account or token: \`${pm.run('chat')}\` (after \`${pm.run('build')}\` also \`node dist/chat.js\`). It builds the same bot as the platforms, with every chosen feature and the configured session store. Type \`/quit\` or Ctrl+D to leave.`,
            '',
            `${
              service
                ? `It is not started by \`${pm.run('dev')}\` or \`${pm.run('start')}\`, which run the chat platforms.`
                : `The terminal is this bot's only platform, so \`${pm.name} start\` and \`${pm.run('dev')}\` open the chat too.`
            } Input may be piped, which is handy for scripted checks: \`printf "/start\\nhello\\n" | ${pm.run('chat')} --silent\` prints only the replies.`,
          ].join('\n'),
        },
      ],
    };
  },
};
