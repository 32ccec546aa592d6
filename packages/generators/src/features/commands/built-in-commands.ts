import { source } from '../../lib/text';
import type { MessageCatalog } from '../../types';

/** `src/core/built-in-commands.ts`: /start, /help and, with conversation memory, /reset. */
export function builtInCommandsSource(withSessions: boolean): string {
  return source(
    "import type { Command } from './commands.js';",
    '',
    '/** /start: greets the user and says what the bot is for. */',
    'export const startCommand: Command = {',
    "  name: 'start',",
    "  description: 'Say hello and explain what this bot does',",
    "  descriptionKey: 'start.description',",
    '  run: ({ bot, message, t }) => [',
    '    {',
    '      text: message.userName',
    "        ? t('start.greeting', { name: message.userName, bot: bot.name })",
    "        : t('start.greetingAnonymous', { bot: bot.name }),",
    '    },',
    '    { text: bot.description },',
    "    { text: t('start.hint'), choices: [{ label: '/help', value: '/help' }] },",
    '  ],',
    '};',
    '',
    '/** /help: lists the commands the sender may run. */',
    'export const helpCommand: Command = {',
    "  name: 'help',",
    "  description: 'List the commands this bot understands',",
    "  descriptionKey: 'help.description',",
    '  run: ({ commands, isAdmin, t }) => {',
    '    const visible = commands.filter((command) => isAdmin || !command.adminOnly);',
    '    const lines = visible.map((command) => {',
    "      const usage = '/' + command.name + (command.argument ? ' <' + command.argument.name + '>' : '');",
    "      return usage + ' - ' + (command.descriptionKey ? t(command.descriptionKey) : command.description);",
    '    });',
    "    return [{ text: [t('help.title'), ...lines].join('\\n') }];",
    '  },',
    '};',
    withSessions && '',
    withSessions && "/** /reset: forgets this conversation's session. */",
    withSessions && 'export const resetCommand: Command = {',
    withSessions && "  name: 'reset',",
    withSessions && "  description: 'Forget this conversation and start over',",
    withSessions && "  descriptionKey: 'reset.description',",
    withSessions && '  run: async ({ message, sessions, t }) => {',
    withSessions && '    await sessions?.delete(message.conversationId);',
    withSessions && "    return [{ text: t('reset.done') }];",
    withSessions && '  },',
    withSessions && '};',
    '',
    '/** The commands every generated bot starts with; add your own here. */',
    `export const builtInCommands: readonly Command[] = [startCommand, helpCommand${withSessions ? ', resetCommand' : ''}];`,
  );
}

/** Texts of the built-in commands. */
export const BUILT_IN_MESSAGES: MessageCatalog = {
  'start.description': {
    en: 'Say hello and explain what this bot does',
    es: 'Saludar y explicar qué hace este bot',
    de: 'Hallo sagen und erklären, was dieser Bot macht',
  },
  'start.greeting': {
    en: 'Hi {name}, I am {bot}.',
    es: 'Hola {name}, soy {bot}.',
    de: 'Hallo {name}, ich bin {bot}.',
  },
  'start.greetingAnonymous': {
    en: 'Hi, I am {bot}.',
    es: 'Hola, soy {bot}.',
    de: 'Hallo, ich bin {bot}.',
  },
  'start.hint': {
    en: 'Send /help to see what I can do.',
    es: 'Envía /help para ver lo que puedo hacer.',
    de: 'Sende /help, um zu sehen, was ich kann.',
  },
  'help.description': {
    en: 'List the commands this bot understands',
    es: 'Mostrar los comandos que entiende este bot',
    de: 'Die Befehle auflisten, die dieser Bot versteht',
  },
  'help.title': { en: 'Commands:', es: 'Comandos:', de: 'Befehle:' },
  'reset.description': {
    en: 'Forget this conversation and start over',
    es: 'Olvidar esta conversación y empezar de nuevo',
    de: 'Dieses Gespräch vergessen und neu beginnen',
  },
  'reset.done': {
    en: 'Done: I have forgotten our conversation.',
    es: 'Hecho: he olvidado nuestra conversación.',
    de: 'Erledigt: Ich habe unser Gespräch vergessen.',
  },
};
