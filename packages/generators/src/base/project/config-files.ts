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

// Lint only: the generated sources keep their own layout, so formatting is not enforced.
const BIOME_CONFIG = `${JSON.stringify(
  {
    $schema: 'https://biomejs.dev/schemas/2.6.9/schema.json',
    files: { includes: ['**', '!**/node_modules', '!**/dist', '!**/coverage'] },
    formatter: { enabled: false },
    assist: { enabled: false },
    linter: { enabled: true, rules: { preset: 'recommended' } },
  },
  null,
  2,
)}\n`;

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

/** TypeScript, Vitest, Biome and ignore files: the same for every configuration. */
export function configFiles(): GeneratedFile[] {
  return [
    { path: '.dockerignore', content: DOCKERIGNORE },
    { path: '.gitignore', content: GITIGNORE },
    { path: 'biome.json', content: BIOME_CONFIG },
    { path: 'tsconfig.build.json', content: TSCONFIG_BUILD },
    { path: 'tsconfig.json', content: TSCONFIG },
    { path: 'vitest.config.ts', content: VITEST_CONFIG },
  ];
}
