import { source } from '../../lib/text';

/** `src/preferences/index.ts`: how long preferences are kept. */
export function preferencesIndexSource(withCommands: boolean): string {
  return source(
    "import { envNumbers } from '../env.js';",
    withCommands && "export { preferenceCommands } from './commands.js';",
    '',
    '/** Preferences outlive conversations: PREFERENCES_TTL_SECONDS after the user was last seen, default 180 days (src/env.ts parses it). */',
    'export function readPreferencesTtlSeconds(env: NodeJS.ProcessEnv = process.env): number {',
    '  return envNumbers(env).PREFERENCES_TTL_SECONDS;',
    '}',
  );
}

const LANG = [
  '',
  '/** /lang [code]: shows or sets the reply language, remembered across conversations and restarts. */',
  'export const langCommand: Command = {',
  "  name: 'lang',",
  "  description: 'Show or choose the language I reply in',",
  "  descriptionKey: 'lang.description',",
  "  argument: { name: 'language', description: 'Language code, such as en, es or de', required: false },",
  '  run: async ({ args, locale, t, user }) => {',
  "    const available = LOCALES.join(', ');",
  "    if (args === '') {",
  "      const choices = LOCALES.map((code) => ({ label: code, value: '/lang ' + code }));",
  "      return [{ text: t('lang.current', { locale, available }), choices }];",
  '    }',
  '    const chosen = args.toLowerCase();',
  "    if (!isLocale(chosen)) return [{ text: t('lang.unknown', { locale: args, available }) }];",
  "    if (!user) return [{ text: t('prefs.unavailable') }];",
  '    await user.store.set(user.key, { ...user.preferences, locale: chosen });',
  "    return [{ text: translate(chosen, 'lang.set', { locale: chosen }) }];",
  '  },',
  '};',
];

/** `src/preferences/commands.ts`: /me, /forgetme and, with translations, /lang. */
export function preferenceCommandsSource(withLanguages: boolean): string {
  return source(
    "import type { Command } from '../core/index.js';",
    withLanguages && "import { LOCALES, isLocale, translate } from '../i18n/index.js';",
    '',
    '/** /me: what the bot remembers about the sender. */',
    'export const meCommand: Command = {',
    "  name: 'me',",
    '  private: true,',
    "  description: 'Show what I remember about you',",
    "  descriptionKey: 'me.description',",
    '  run: ({ user, locale, t }) => {',
    "    if (!user) return [{ text: t('prefs.unavailable') }];",
    '    const since = new Date(user.preferences.firstSeenAt).toISOString().slice(0, 10);',
    "    return [{ text: t('me.summary', { since, count: user.preferences.messageCount, locale }) }];",
    '  },',
    '};',
    '',
    "/** /forgetme: deletes the sender's stored preferences. */",
    'export const forgetMeCommand: Command = {',
    "  name: 'forgetme',",
    '  private: true,',
    "  description: 'Delete everything I remember about you',",
    "  descriptionKey: 'forgetme.description',",
    '  run: async ({ user, t }) => {',
    '    await user?.store.delete(user.key);',
    "    return [{ text: t('forgetme.done') }];",
    '  },',
    '};',
    ...(withLanguages ? LANG : []),
    '',
    '/** The commands of the persistence feature. */',
    `export const preferenceCommands: readonly Command[] = [meCommand, forgetMeCommand${withLanguages ? ', langCommand' : ''}];`,
  );
}
