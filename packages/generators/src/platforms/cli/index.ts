import type { GeneratorModule } from '../../types';
import { CLI_ADAPTER, CLI_ENTRY } from './adapter';
import { CLI_TEST } from './tests';

/**
 * The terminal chat (SPEC §5.1): `node:readline/promises`, no dependency. It runs only
 * through `npm run chat` (a terminal is not a service next to the others), reads piped input
 * as well as a TTY, and needs no configuration.
 */
export const cliPlatform: GeneratorModule = {
  id: 'cli',
  label: 'Terminal (CLI)',
  enabled: (config) => config.platforms.includes('cli'),
  contribute: () => ({
    files: [
      { path: 'src/chat.ts', content: CLI_ENTRY },
      { path: 'src/platforms/cli.ts', content: CLI_ADAPTER },
      { path: 'test/cli.test.ts', content: CLI_TEST },
    ],
    scripts: { chat: 'tsx src/chat.ts' },
    startHints: ['To chat with the bot in this terminal, run: npm run chat'],
    readme: [
      {
        order: 26,
        title: 'Terminal chat',
        body: [
          'Talk to the bot in a terminal, with no account or token: `npm run chat` (after `npm run build` also `node dist/chat.js`). Type `/help` for the commands and `/quit` or Ctrl+D to leave.',
          '',
          'It is not started by `npm run dev` or `npm start`, which run the chat platforms. Input may be piped, which is handy for scripted checks: `printf "/start\\nhello\\n" | npm run chat --silent` prints only the replies.',
        ].join('\n'),
      },
    ],
  }),
};
