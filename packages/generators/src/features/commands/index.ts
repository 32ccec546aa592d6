import type { FeatureModule, MessageCatalog } from '../../types';
import { BUILT_IN_MESSAGES, builtInCommandsSource } from './built-in-commands';
import { commandsTest } from './tests';

function messagesFor(withSessions: boolean): MessageCatalog {
  return Object.fromEntries(
    Object.entries(BUILT_IN_MESSAGES).filter(([key]) => withSessions || !key.startsWith('reset.')),
  );
}

/**
 * Slash/text commands: `/start`, `/help` and, with conversation memory, `/reset`. Without this
 * feature the bot registers no commands and answers every message as free text.
 */
export const commandsFeature: FeatureModule<'commands'> = {
  id: 'commands',
  label: 'Commands',
  contribute: (config) => {
    const withSessions = config.features.includes('sessions');
    return {
      files: [
        { path: 'src/core/built-in-commands.ts', content: builtInCommandsSource(withSessions) },
        { path: 'test/commands.test.ts', content: commandsTest(withSessions) },
      ],
      commands: [{ module: 'core/built-in-commands', exportName: 'builtInCommands' }],
      messages: messagesFor(withSessions),
      readme: [
        {
          order: 57,
          title: 'Commands',
          body: [
            `\`/start\` greets the user, \`/help\` lists every command${withSessions ? ' and `/reset` forgets the conversation' : ''}.`,
            'All commands are collected in `src/commands.ts`; add your own to `src/core/built-in-commands.ts` or a new module listed there. A command is a name, a description and a `run(context)` function returning replies, the same on every platform.',
          ].join(' '),
        },
      ],
    };
  },
};
