import type { GeneratedFile } from '../../types';

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      forceConsistentCasingInFileNames: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ['src', 'test', 'scripts', 'vitest.config.ts'],
  },
  null,
  2,
)}\n`;

const TSCONFIG_BUILD = `${JSON.stringify(
  {
    extends: './tsconfig.json',
    compilerOptions: { noEmit: false, rootDir: 'src', outDir: 'dist', sourceMap: true },
    include: ['src'],
  },
  null,
  2,
)}\n`;

const VITEST_CONFIG = `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
  },
});
`;

const GITIGNORE = `node_modules/
dist/
coverage/
*.log
*.tsbuildinfo
.env
.env.*
!.env.example
`;

const DOCKERIGNORE = `node_modules
dist
coverage
test
.git
.github
*.log
.env
.env.*
`;

/** TypeScript, Vitest and ignore files: the same for every configuration. */
export function configFiles(): GeneratedFile[] {
  return [
    { path: '.dockerignore', content: DOCKERIGNORE },
    { path: '.gitignore', content: GITIGNORE },
    { path: 'tsconfig.build.json', content: TSCONFIG_BUILD },
    { path: 'tsconfig.json', content: TSCONFIG },
    { path: 'vitest.config.ts', content: VITEST_CONFIG },
  ];
}
