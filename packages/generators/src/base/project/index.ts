import type { GeneratorModule } from '../../types';
import { GENERATOR_VERSION } from '../../version';
import { configFiles } from './config-files';
import { dockerfile } from './dockerfile';
import { projectReadme } from './readme';

/**
 * The project skeleton: npm scripts and tooling, TypeScript and Vitest configuration, ignore
 * files, Dockerfile, and `.botsmith.json` (the config and generator version, for upgrades).
 */
export const projectModule: GeneratorModule = {
  id: 'project',
  label: 'Project skeleton',
  enabled: () => true,
  contribute: (config) => ({
    files: [
      ...configFiles(),
      { path: 'Dockerfile', content: dockerfile(config) },
      {
        path: '.botsmith.json',
        content: `${JSON.stringify({ generatorVersion: GENERATOR_VERSION, config }, null, 2)}\n`,
      },
    ],
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
