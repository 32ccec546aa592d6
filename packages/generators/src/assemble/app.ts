import type { BuildConfig } from '@botsmith/shared';
import { compareStrings } from '../lib/sort';
import { source } from '../lib/text';
import type { GeneratedFile, ModuleExport } from '../types';

/** Import lines for named exports plus fixed imports, one per module, sorted by module path. */
function importsOf(exports: readonly ModuleExport[], fixed: Record<string, string> = {}): string[] {
  const byModule = new Map<string, string[]>();
  for (const { module, exportName } of exports) {
    byModule.set(module, [...(byModule.get(module) ?? []), exportName]);
  }
  const lines = new Map<string, string>(Object.entries(fixed));
  for (const [module, names] of byModule) {
    lines.set(module, `import { ${names.sort(compareStrings).join(', ')} } from './${module}.js';`);
  }
  return [...lines].sort(([a], [b]) => compareStrings(a, b)).map(([, line]) => line);
}

/** `src/commands.ts`: every command list contributed, in module order. */
export function renderCommands(lists: readonly ModuleExport[]): GeneratedFile {
  return {
    path: 'src/commands.ts',
    content: source(
      ...importsOf(lists, { 'core/index': "import type { Command } from './core/index.js';" }),
      '',
      lists.length > 0
        ? '/** Every command the bot understands, in /help order; platforms register these in their menus. */'
        : '/** No commands: the "commands" feature was not chosen, so every message is free text. */',
      `export const COMMANDS: readonly Command[] = [${lists.map((list) => `...${list.exportName}`).join(', ')}];`,
    ),
  };
}

function fixedImports(config: BuildConfig): Record<string, string> {
  const has = (feature: BuildConfig['features'][number]) => config.features.includes(feature);
  const sessions = has('sessions');
  const sessionImports = ['openSessionBackend', 'readSessionTtlSeconds', 'type Session'];
  if (has('persistence')) sessionImports.push('type UserPreferences');
  const imports: Record<string, string> = {
    commands: "import { COMMANDS } from './commands.js';",
    config: "import { BOT_INFO } from './config.js';",
    'core/index': `import { type Bot, type BotPlugin, createBot, Notifiers${has('admin') ? ', parseTargets' : ''} } from './core/index.js';`,
  };
  if (has('admin')) imports['admin/index'] = "import { adminChecker } from './admin/index.js';";
  if (sessions && has('persistence')) {
    imports['preferences/index'] =
      "import { readPreferencesTtlSeconds } from './preferences/index.js';";
  }
  if (sessions) {
    imports['sessions/index'] =
      `import { ${sessionImports.join(', ')} } from './sessions/index.js';`;
  }
  return imports;
}

/**
 * `src/app.ts`, the composition root: the bot core wired to the chosen features (plugins,
 * session backend, preferences, admins, default locale). Features never import each other;
 * this file is where they meet.
 */
export function renderApp(config: BuildConfig, plugins: readonly ModuleExport[]): GeneratedFile {
  const has = (feature: BuildConfig['features'][number]) => config.features.includes(feature);
  const sessions = has('sessions');
  const preferences = sessions && has('persistence');
  return {
    path: 'src/app.ts',
    content: source(
      ...importsOf(plugins, fixedImports(config)),
      '',
      '/** The bot with every feature chosen in the wizard, and how to release what it holds. */',
      'export interface App {',
      '  bot: Bot;',
      '  close(): Promise<void>;',
      '}',
      '',
      '/** Builds the bot from the environment; src/index.ts starts the platforms with it. */',
      `export async function createApp(${plugins.length > 0 || sessions || has('admin') || has('i18n') ? 'env' : '_env'}: NodeJS.ProcessEnv = process.env): Promise<App> {`,
      '  // Order matters: observers first, then filters that can stop a message, then answers.',
      `  const plugins: BotPlugin[] = [${plugins.map((plugin) => `${plugin.exportName}(env)`).join(', ')}];`,
      sessions && '  const backend = await openSessionBackend(env);',
      '  const bot = createBot({',
      '    info: BOT_INFO,',
      '    commands: COMMANDS,',
      '    plugins,',
      sessions && "    sessions: backend.store<Session>('sessions', readSessionTtlSeconds(env)),",
      preferences &&
        "    preferences: backend.store<UserPreferences>('preferences', readPreferencesTtlSeconds(env)),",
      has('i18n') && '    defaultLocale: env.DEFAULT_LOCALE,',
      has('admin') && '    isAdmin: adminChecker(env),',
      has('admin')
        ? '    notifiers: new Notifiers(parseTargets(env.BROADCAST_TARGETS)),'
        : '    notifiers: new Notifiers(),',
      '  });',
      sessions
        ? '  return { bot, close: () => backend.close() };'
        : '  return { bot, close: async () => {} };',
      '}',
    ),
  };
}
