import { runsAsService } from '@botsmith/shared';
import { aiProviderOf } from '../../features/ai';
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
    const provider = config.features.includes('ai') ? aiProviderOf(config) : undefined;
    const aiKey = provider && { variable: provider.keyVariable, url: provider.keyUrl };
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
            ...(aiKey
              ? [
                  '',
                  `The chat starts without \`${aiKey.variable}\` too: it says that AI replies are off and how to turn them on, then answers without AI (${config.features.includes('commands') ? 'commands work, other messages are echoed back' : 'messages are echoed back'}).${service ? ' The chat platforms do not start without the key.' : ''}`,
                ]
              : []),
          ].join('\n'),
        },
      ],
    };
  },
};
