import type { GeneratorModule } from '../../types';
import { botFiles } from './bot';
import { choiceFiles } from './choices';
import { commandAndPluginFiles } from './commands';
import { contractFiles } from './contracts';
import { CORE_MESSAGES } from './messages';
import { runtimeFiles } from './runtime';
import { sessionContractFiles } from './session-contract';
import { coreTestFiles } from './tests';

/**
 * The platform-independent bot every project gets: `src/core` (message → replies, command
 * registry, plugin hooks, notifiers), the session store contract, the service contract
 * adapters implement, and their tests. Features plug into it through `src/app.ts`.
 */
export const coreModule: GeneratorModule = {
  id: 'core',
  label: 'Bot core',
  enabled: () => true,
  contribute: (config) => ({
    files: [
      ...contractFiles(),
      ...choiceFiles(),
      ...commandAndPluginFiles(),
      ...botFiles(),
      ...sessionContractFiles(),
      ...runtimeFiles(config),
      ...coreTestFiles(),
    ],
    // zod checks the environment at start (src/env.ts, written by generate()).
    dependencies: ['pino', 'zod'],
    devDependencies: ['pino-pretty'],
    envVars: [
      {
        name: 'LOG_LEVEL',
        description:
          'Lowest level logged: trace, debug, info, warn, error or fatal (default info). JSON lines, pretty on a development terminal.',
        example: 'info',
        required: false,
      },
      {
        name: 'NODE_ENV',
        description:
          'production on a host (the Docker image sets it); outside production, logs on a terminal are pretty-printed.',
        required: false,
      },
      {
        name: 'PLATFORM_START_TIMEOUT_MS',
        description:
          'Milliseconds each chat platform may take to connect at start before it is marked failed (default 15000).',
        example: '15000',
        required: false,
        integer: { min: 1, default: 15_000 },
      },
    ],
    messages: CORE_MESSAGES,
    readme: [
      {
        order: 60,
        title: 'Replies with buttons',
        body: [
          "A reply may offer choices: `{ text: 'Language?', choices: [{ label: 'Español', value: '/lang es' }] }`. Pressing one sends its `value` as the user's message. Each platform shows them natively: Discord buttons, Slack buttons, Telegram inline keyboards, WhatsApp reply buttons (up to three short ones), web chat buttons; the terminal numbers them (type the number), and X lists them as text to reply with. A choice needs a label of 1 to 40 characters and a value of at most 64 bytes; the core drops any that do not fit, and keeps at most 10.",
          '',
          'A command with `private: true` (`/me`, `/forgetme`, `/stats`) marks its replies private: on Discord only the sender sees them (ephemeral). A Discord command still running after 2 seconds is deferred, so slow answers (AI) never time out.',
        ].join('\n'),
      },
    ],
  }),
};
