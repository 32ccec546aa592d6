import { tsString } from '../lib/escape';
import { compareStrings } from '../lib/sort';
import { source } from '../lib/text';
import type { GeneratedFile, Locale, MessageCatalog } from '../types';

/** Thrown when two modules define one message key with different texts. */
export class MessageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Two generator modules define the message "${key}" differently`);
    this.name = 'MessageConflictError';
  }
}

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Spanish', de: 'German' };

function merge(catalogs: readonly MessageCatalog[]): MessageCatalog {
  const merged: MessageCatalog = {};
  for (const catalog of catalogs) {
    for (const [key, texts] of Object.entries(catalog)) {
      const seen = merged[key];
      if (seen && JSON.stringify(seen) !== JSON.stringify(texts))
        throw new MessageConflictError(key);
      merged[key] = texts;
    }
  }
  return merged;
}

function catalogFile(locale: Locale, messages: MessageCatalog): GeneratedFile {
  const keys = Object.keys(messages).sort(compareStrings);
  const entries = keys.map(
    (key) => `  ${tsString(key)}: ${tsString(messages[key]?.[locale] ?? '')},`,
  );
  const english = locale === 'en';
  return {
    path: `src/i18n/${locale}.ts`,
    content: source(
      english ? false : "import type { MessageKey } from './en.js';",
      english ? false : '',
      english
        ? '/** English texts: the source every other catalog translates. {name} is a placeholder. */'
        : `/** ${LANGUAGE_NAMES[locale]} texts. A missing or unknown key is a type error. */`,
      english ? 'export const en = {' : `export const ${locale}: Record<MessageKey, string> = {`,
      ...entries,
      english ? '} as const;' : '};',
      english && '',
      english && '/** Every text the bot can say, by key. */',
      english && 'export type MessageKey = keyof typeof en;',
    ),
  };
}

function indexFile(locales: readonly Locale[]): GeneratedFile {
  const imports = [...locales]
    .sort(compareStrings)
    .map((locale) =>
      locale === 'en'
        ? "import { en, type MessageKey } from './en.js';"
        : `import { ${locale} } from './${locale}.js';`,
    );
  return {
    path: 'src/i18n/index.ts',
    content: source(
      ...imports,
      '',
      "export type { MessageKey } from './en.js';",
      '',
      '/** Every catalog by language code. English is the fallback for anything missing. */',
      `export const CATALOGS = { ${locales.join(', ')} } satisfies Record<string, Record<MessageKey, string>>;`,
      '',
      'export type Locale = keyof typeof CATALOGS;',
      'export const LOCALES = Object.keys(CATALOGS) as Locale[];',
      'export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;',
      '',
      'export function isLocale(value: string): value is Locale {',
      '  return Object.hasOwn(CATALOGS, value);',
      '}',
      '',
      '/** The first candidate the bot speaks ("es-ES" matches "es"), or English. */',
      'export function resolveLocale(...candidates: (string | undefined)[]): Locale {',
      '  for (const candidate of candidates) {',
      '    if (!candidate) continue;',
      "    const tag = candidate.trim().toLowerCase().replaceAll('_', '-');",
      "    const language = tag.split('-')[0] ?? '';",
      '    if (isLocale(tag)) return tag;',
      '    if (isLocale(language)) return language;',
      '  }',
      "  return 'en';",
      '}',
      '',
      '/** The text for `key` in `locale` with {placeholders} filled in from `params`. */',
      'export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {',
      '  const template: string = CATALOGS[locale][key] ?? en[key];',
      '  return template.replace(/\\{(\\w+)\\}/g, (placeholder, name: string) =>',
      '    Object.hasOwn(params, name) ? String(params[name]) : placeholder,',
      '  );',
      '}',
    ),
  };
}

/**
 * `src/i18n/`: one catalog per locale from every module's messages, and `t()` support.
 * Only English without the i18n feature; English, Spanish and German with it.
 */
export function renderI18n(
  locales: readonly Locale[],
  catalogs: readonly MessageCatalog[],
): GeneratedFile[] {
  const messages = merge(catalogs);
  return [...locales.map((locale) => catalogFile(locale, messages)), indexFile(locales)];
}
