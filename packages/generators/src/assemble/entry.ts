import { tsString } from '../lib/escape';
import { compareStrings } from '../lib/sort';
import { source } from '../lib/text';
import type { ModuleExport, ServiceEntry } from '../types';

/**
 * The generated `src/index.ts`: builds the app (src/app.ts) and starts every contributed service.
 * Platforms start when their environment variables are set, all at once and each on its own
 * (`startPlatforms`): one that fails is logged and marked failed for /health while the others
 * keep running, and the process exits 1 only when every platform has failed. With none
 * configured it says what to set (plus any `startHints`, such as how to start the terminal
 * chat) and exits 1. `closers` run after every service has stopped (lease connections).
 */
export function renderEntry(
  services: readonly ServiceEntry[],
  startHints: readonly string[] = [],
  closers: readonly ModuleExport[] = [],
): string {
  const imports = [...services, ...closers]
    .sort((a, b) => compareStrings(a.module, b.module))
    .map((entry) => `import { ${entry.exportName} } from './${entry.module}.js';`);
  const list = services.map((service) => service.exportName).join(', ');
  return source(
    "import { existsSync } from 'node:fs';",
    "import { createApp } from './app.js';",
    "import { platformStates } from './platform-state.js';",
    ...imports,
    "import { checkEnv } from './env.js';",
    "import { configureLog, log } from './log.js';",
    "import { missingEnv, type Running, type Service, startPlatforms } from './runtime.js';",
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
    "      platformStates.set(service.name, { state: 'stopped', reason: 'not configured: set ' + missing.join(', ') });",
    "      console.warn(service.name + ' is not started: set ' + missing.join(', ') + ' (see .env.example).');",
    '    }',
    '  }',
    '  if (ready.length === 0) {',
    // Plain lines on stderr: a person reads these hints before anything has started.
    '    console.error(',
    "      'No chat platform is configured, so there is nothing to run. Copy .env.example to .env, fill it in (README.md explains each value) and start again.',",
    '    );',
    ...startHints.map((hint) => `    console.error(${tsString(hint)});`),
    '    process.exitCode = 1;',
    '    return;',
    '  }',
    '',
    '  // One line per bad variable (never its value), then exit 1, before anything connects.',
    '  checkEnv(process.env);',
    '  const app = await createApp(process.env);',
    '  const running: Running[] = await startPlatforms(ready, app.bot, process.env);',
    '  const closeAll = async () => {',
    '    await Promise.allSettled(running.map((service) => service.stop()));',
    `    await Promise.allSettled([app.close()${closers.map((closer) => `, ${closer.exportName}()`).join('')}]);`,
    '  };',
    '  if (running.length === 0) {',
    "    log.fatal('Every configured platform failed to start (see above), so the bot exits.');",
    '    await closeAll();',
    '    process.exit(1);',
    '  }',
    '  // Platforms that can post outside conversations serve scheduled messages and broadcasts.',
    '  for (const started of running) if (started.notifier) app.bot.notifiers.add(started.notifier);',
    "  for (const service of services.filter((candidate) => candidate.kind === 'service')) {",
    '    running.push(await service.start(app.bot, process.env));',
    "    log.info(service.name + ' started.');",
    '  }',
    '',
    '  let stopping = false;',
    '  const shutdown = (why: string, code: number) => {',
    '    if (stopping) return;',
    '    stopping = true;',
    "    log.info(why + ', shutting down.');",
    '    void closeAll().finally(() => process.exit(code));',
    '  };',
    '  // A platform can fail after start (a revoked token stops polling); with none left, exit 1',
    '  // so the host restarts the bot.',
    '  platformStates.onChange(() => {',
    "    if (platformStates.allFailed()) shutdown('Every platform has failed', 1);",
    '  });',
    "  process.once('SIGINT', () => shutdown('SIGINT received', 0));",
    "  process.once('SIGTERM', () => shutdown('SIGTERM received', 0));",
    '}',
    '',
    'main().catch((error: unknown) => {',
    "  log.fatal({ err: error }, 'The bot failed to start');",
    '  process.exit(1);',
    '});',
  );
}
