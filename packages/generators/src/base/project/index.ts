import { runsAsService } from '@botsmith/shared';
import type { GeneratorModule } from '../../types';
import { configFiles } from './config-files';
import { dockerfile } from './dockerfile';
import { licenseText } from './licenses';
import { projectReadme } from './readme';

/**
 * The project skeleton: npm scripts and tooling, TypeScript and Vitest configuration, ignore
 * files, and the Dockerfile when the bot runs as a service (not for a terminal-only bot). `.botsmith.json` is written by `generate()`, which holds the whole ledger.
 */
export const projectModule: GeneratorModule = {
  id: 'project',
  label: 'Project skeleton',
  enabled: () => true,
  contribute: (config) => {
    // A terminal-only bot has no service to run in a container: `start` and `dev` open the chat.
    const service = runsAsService(config.platforms);
    return {
      files: [
        ...(service
          ? [...configFiles(), { path: 'Dockerfile', content: dockerfile(config) }]
          : configFiles().filter((file) => file.path !== '.dockerignore')),
        { path: 'LICENSE', content: licenseText(config.project) },
      ],
      devDependencies: ['@biomejs/biome', '@types/node', 'tsx', 'typescript', 'vitest'],
      scripts: {
        dev: service ? 'tsx watch src/index.ts' : 'tsx src/chat.ts',
        build: 'tsc -p tsconfig.build.json',
        start: service ? 'node dist/index.js' : 'node dist/chat.js',
        typecheck: 'tsc -p tsconfig.json',
        lint: 'biome lint .',
        test: 'vitest run',
      },
      readme: projectReadme(config),
    };
  },
};
