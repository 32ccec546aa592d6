import type { GeneratorModule } from '../../types';
import { coreFiles } from './bot';
import { runtimeFiles } from './runtime';
import { sessionFiles } from './sessions';
import { coreTestFiles } from './tests';

/**
 * The platform-independent bot every project gets: `src/core` (message → replies, command
 * registry with /start, /help, /reset), `src/sessions` (store interface and in-memory store
 * with TTL), the service contract adapters implement, and their tests.
 */
export const coreModule: GeneratorModule = {
  id: 'core',
  label: 'Bot core and sessions',
  enabled: () => true,
  contribute: (config) => ({
    files: [...coreFiles(), ...sessionFiles(), ...runtimeFiles(config), ...coreTestFiles()],
    envVars: [
      {
        name: 'SESSION_TTL_SECONDS',
        description: `Seconds a conversation is remembered without activity (default ${config.sessions.ttlSeconds}).`,
        required: false,
      },
    ],
  }),
};
