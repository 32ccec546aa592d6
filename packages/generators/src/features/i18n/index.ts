import type { FeatureModule } from '../../types';

/** `test/i18n.test.ts`: catalogs agree with English, and locales resolve as documented. */
const I18N_TEST = `import { describe, expect, it } from 'vitest';
import { CATALOGS, LOCALES, resolveLocale, translate } from '../src/i18n/index.js';
import { en } from '../src/i18n/en.js';

const placeholders = (text: string) => [...text.matchAll(/\\{(\\w+)\\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it.each(LOCALES)('%s has every English text, with the same placeholders', (locale) => {
    const catalog: Record<string, string> = CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(catalog[key], locale + ' ' + key).not.toBe('');
      expect(placeholders(catalog[key] ?? ''), locale + ' ' + key).toEqual(placeholders(text));
    }
  });

  it('resolves the first supported locale, by language when the region is unknown', () => {
    expect(resolveLocale(undefined, 'es-ES', 'de')).toBe('es');
    expect(resolveLocale('pt-BR', 'DE_at')).toBe('de');
    expect(resolveLocale('xx', undefined)).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('es', 'echo.said', { text: 'hola' })).toBe('Dijiste: hola');
    expect(translate('de', 'echo.said')).toContain('{text}');
  });
});
`;

/**
 * Translations: Spanish and German catalogs next to English (assembled from every module's
 * messages into `src/i18n/`), the locale taken from the user's preference, the platform or
 * `DEFAULT_LOCALE`. Without this feature the bot still says everything through `t()`, in English.
 */
export const i18nFeature: FeatureModule<'i18n'> = {
  id: 'i18n',
  label: 'Translations',
  contribute: () => ({
    files: [{ path: 'test/i18n.test.ts', content: I18N_TEST }],
    envVars: [
      {
        name: 'DEFAULT_LOCALE',
        description:
          "Reply language when the platform does not report the user's: en, es or de (default en).",
        example: 'en',
        required: false,
      },
    ],
    readme: [
      {
        order: 61,
        title: 'Languages',
        body: [
          'The bot answers in English, Spanish or German. The language is, in order: the one the user chose (with `/lang`, when preferences are kept), the one their platform reports (Discord sends the client language with slash commands), then `DEFAULT_LOCALE`.',
          '',
          'Every text the bot says is in `src/i18n/<locale>.ts`. To add a language, copy `src/i18n/es.ts`, translate it and list it in `CATALOGS` in `src/i18n/index.ts`; the type checker reports any text you missed.',
        ].join('\n'),
      },
    ],
  }),
};
