import type { MessageCatalog } from '../../types';

/** Texts the bot core itself says: fallbacks, the free-text echo and command errors. */
export const CORE_MESSAGES: MessageCatalog = {
  'error.generic': {
    en: 'Sorry, something went wrong. Please try again.',
    es: 'Lo siento, algo salió mal. Inténtalo de nuevo.',
    de: 'Entschuldigung, etwas ist schiefgelaufen. Bitte versuche es erneut.',
  },
  'echo.said': { en: 'You said: {text}', es: 'Dijiste: {text}', de: 'Du hast gesagt: {text}' },
  'echo.before': {
    en: 'Before that you said: {text}',
    es: 'Antes de eso dijiste: {text}',
    de: 'Davor hast du gesagt: {text}',
  },
  'command.unknown': {
    en: 'I do not know /{name}. Send /help to see what I can do.',
    es: 'No conozco /{name}. Envía /help para ver lo que puedo hacer.',
    de: 'Ich kenne /{name} nicht. Sende /help, um zu sehen, was ich kann.',
  },
  'command.adminOnly': {
    en: 'Only admins can use this command.',
    es: 'Solo los administradores pueden usar este comando.',
    de: 'Nur Admins können diesen Befehl verwenden.',
  },
};
