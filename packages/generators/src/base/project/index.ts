import type { GeneratorModule } from '../../types';
import { configFiles } from './config-files';
import { dockerfile } from './dockerfile';
import { projectReadme } from './readme';

/**
 * The project skeleton: npm scripts and tooling, TypeScript and Vitest configuration, ignore
 * files, and Dockerfile. `.botsmith.json` is written by `generate()`, which holds the whole ledger.
 */
export const projectModule: GeneratorModule = {
  id: 'project',
  label: 'Project skeleton',
  enabled: () => true,
  contribute: (config) => ({
    files: [...configFiles(), { path: 'Dockerfile', content: dockerfile(config) }],
    devDependencies: ['@types/node', 'tsx', 'typescript', 'vitest'],
    scripts: {
      dev: 'tsx watch src/index.ts',
      build: 'tsc -p tsconfig.build.json',
      start: 'node dist/index.js',
      typecheck: 'tsc -p tsconfig.json',
      test: 'vitest run',
    },
    readme: projectReadme(config),
  }),
};
