import { tsString } from '../lib/escape';
import { compareStrings } from '../lib/sort';
import { source } from '../lib/text';
import type { ServiceEntry } from '../types';

/**
 * The generated `src/index.ts`: builds the app (src/app.ts) and starts every contributed service. Platforms
 * start when their environment variables are set; with none configured it says what to set
 * (plus any `startHints`, such as how to start the terminal chat) and exits 1, since a bot
 * without a platform has nothing to do.
 */
export function renderEntry(
  services: readonly ServiceEntry[],
  startHints: readonly string[] = [],
): string {
  const imports = [...services]
    .sort((a, b) => compareStrings(a.module, b.module))
    .map((service) => `import { ${service.exportName} } from './${service.module}.js';`);
  const list = services.map((service) => service.exportName).join(', ');
  return source(
    "import { existsSync } from 'node:fs';",
    "import { createApp } from './app.js';",
    ...imports,
    "import { checkEnv } from './env.js';",
    "import { configureLog, log } from './log.js';",
    "import { missingEnv, type Running, type Service } from './runtime.js';",
    '',
    '// Node reads .env files itself; in production real environment variables are used.',
    "if (existsSync('.env')) process.loadEnvFile('.env');",
    'configureLog(process.env);',
    '',
    `const services: readonly Service[] = [${list}];`,
    '',
    'async function main(): Promise<void> {',
    "  const platforms = services.filter((service) => service.kind === 'platform');",
    '  const ready = platforms.filter((service) => missingEnv(service, process.env).length === 0);',
    '  for (const service of platforms) {',
    '    const missing = missingEnv(service, process.env);',
    '    if (missing.length > 0) {',
    "      log.warn({ service: service.name, missing }, service.name + ' is not started: set ' + missing.join(', ') + ' (see .env.example).');",
    '    }',
    '  }',
    '  if (ready.length === 0) {',
    '    log.error(',
    "      'No chat platform is configured, so there is nothing to run. Copy .env.example to .env, fill it in (README.md explains each value) and start again.',",
    '    );',
    ...startHints.map((hint) => `    log.error(${tsString(hint)});`),
    '    process.exitCode = 1;',
    '    return;',
    '  }',
    '',
    '  // One line per bad variable (never its value), then exit 1, before anything connects.',
    '  checkEnv(process.env);',
    '  const app = await createApp(process.env);',
    "  const toStart = services.filter((service) => service.kind === 'service' || ready.includes(service));",
    '  const running: Running[] = [];',
    '  for (const service of toStart) {',
    '    const started = await service.start(app.bot, process.env);',
    '    running.push(started);',
    '    // Platforms that can post outside conversations serve scheduled messages and broadcasts.',
    '    if (started.notifier) app.bot.notifiers.add(started.notifier);',
    "    log.info({ service: service.name }, service.name + ' started.');",
    '  }',
    '',
    '  const shutdown = (signal: string) => {',
    "    log.info({ signal }, signal + ' received, shutting down.');",
    '    void Promise.allSettled(running.map((service) => service.stop()))',
    '      .then(() => app.close())',
    '      .finally(() => process.exit(0));',
    '  };',
    "  process.once('SIGINT', shutdown);",
    "  process.once('SIGTERM', shutdown);",
    '}',
    '',
    'main().catch((error: unknown) => {',
    "  log.fatal({ err: error }, 'The bot failed to start');",
    '  process.exit(1);',
    '});',
  );
}
