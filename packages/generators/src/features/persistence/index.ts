import type { FeatureModule, GeneratedFile, MessageCatalog } from '../../types';
import { preferenceCommandsSource, preferencesIndexSource } from './sources';
import { preferencesTest } from './tests';

const MESSAGES: MessageCatalog = {
  'prefs.unavailable': {
    en: 'I cannot remember preferences right now.',
    es: 'Ahora no puedo recordar preferencias.',
    de: 'Ich kann mir gerade keine Einstellungen merken.',
  },
  'me.description': {
    en: 'Show what I remember about you',
    es: 'Mostrar lo que recuerdo de ti',
    de: 'Zeigen, was ich mir über dich merke',
  },
  'me.summary': {
    en: 'I have known you since {since}: {count} message(s). Language: {locale}.',
    es: 'Te conozco desde {since}: {count} mensaje(s). Idioma: {locale}.',
    de: 'Ich kenne dich seit {since}: {count} Nachricht(en). Sprache: {locale}.',
  },
  'forgetme.description': {
    en: 'Delete everything I remember about you',
    es: 'Borrar todo lo que recuerdo de ti',
    de: 'Alles löschen, was ich mir über dich merke',
  },
  'forgetme.done': {
    en: 'Done: I have deleted your preferences.',
    es: 'Hecho: he borrado tus preferencias.',
    de: 'Erledigt: Ich habe deine Einstellungen gelöscht.',
  },
};

const LANGUAGE_MESSAGES: MessageCatalog = {
  'lang.description': {
    en: 'Show or choose the language I reply in',
    es: 'Ver o elegir el idioma de mis respuestas',
    de: 'Die Sprache meiner Antworten anzeigen oder wählen',
  },
  'lang.current': {
    en: 'I reply in {locale}. Available: {available}. Choose with /lang <code>.',
    es: 'Respondo en {locale}. Disponibles: {available}. Elige con /lang <código>.',
    de: 'Ich antworte auf {locale}. Verfügbar: {available}. Wähle mit /lang <Code>.',
  },
  'lang.unknown': {
    en: 'I do not speak "{locale}". Available: {available}.',
    es: 'No hablo "{locale}". Disponibles: {available}.',
    de: 'Ich spreche kein "{locale}". Verfügbar: {available}.',
  },
  'lang.set': {
    en: 'From now on I reply in English ({locale}).',
    es: 'A partir de ahora respondo en español ({locale}).',
    de: 'Ab jetzt antworte ich auf Deutsch ({locale}).',
  },
};

/**
 * Persistence: a per-user record (first seen, message count, chosen language) in the session
 * backend under its own namespace and TTL, so it outlives conversations, `/reset` and — with
 * Redis or PostgreSQL — restarts. Commands `/me`, `/forgetme` and, with i18n, `/lang`.
 */
export const persistenceFeature: FeatureModule<'persistence'> = {
  id: 'persistence',
  label: 'Persistence',
  contribute: (config) => {
    const withCommands = config.features.includes('commands');
    const withLanguages = withCommands && config.features.includes('i18n');
    const files: GeneratedFile[] = [
      { path: 'src/preferences/index.ts', content: preferencesIndexSource(withCommands) },
      { path: 'test/preferences.test.ts', content: preferencesTest(withCommands, withLanguages) },
    ];
    if (withCommands) {
      files.push({
        path: 'src/preferences/commands.ts',
        content: preferenceCommandsSource(withLanguages),
      });
    }
    const survives =
      config.sessions.store === 'memory'
        ? 'With the in-memory session store they are lost on restart: choose Redis or PostgreSQL to keep them.'
        : `They are stored in ${config.sessions.store === 'redis' ? 'Redis' : 'PostgreSQL'} and survive restarts.`;
    return {
      files,
      commands: withCommands
        ? [{ module: 'preferences/index', exportName: 'preferenceCommands' }]
        : [],
      messages: { ...MESSAGES, ...(withLanguages ? LANGUAGE_MESSAGES : {}) },
      envVars: [
        {
          name: 'PREFERENCES_TTL_SECONDS',
          description:
            'Seconds user preferences are kept after the user was last seen (default 15552000, 180 days).',
          required: false,
          integer: { min: 1, default: 15_552_000 },
        },
      ],
      readme: [
        {
          order: 64,
          title: 'User preferences',
          body: [
            'Each user has a record in the session store (namespace `preferences`, kept `PREFERENCES_TTL_SECONDS` after they were last seen): when they were first seen, how many messages they sent',
            withLanguages ? 'and the language chosen with `/lang`.' : '.',
            survives,
            withCommands ? '`/me` shows the record and `/forgetme` deletes it.' : '',
          ]
            .join(' ')
            .replace(' .', '.')
            .trim(),
        },
      ],
    };
  },
};
