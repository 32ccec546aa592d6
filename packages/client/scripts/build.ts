// Builds the package as it is packed: `dist/index.js` (ES module, with `MAX_BATCH_SIZE`
// bundled in) and one `dist/index.d.ts` in which `AppRouter` is spelled out, so nothing
// imports `@botsmith/*` and a user installs no server types. Run by `pnpm build` and before
// `pnpm pack`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from '@typescript/typescript6';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { appRouterDeclaration } from './app-router-declaration';

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
/** What the package may import at run time and in its types: what it declares. */
const declared = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)];
const isDeclared = (id: string) =>
  declared.some((name) => id === name || id.startsWith(`${name}/`));

/** Fails when the built file imports anything the package does not declare. */
function checkImports(file: string): void {
  const text = readFileSync(file, 'utf8');
  for (const [, specifier = ''] of text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
    if (!isDeclared(specifier)) {
      throw new Error(`${file} imports ${specifier}, which is not a dependency of the package`);
    }
  }
}

/**
 * Fails when the bundled declaration has errors of its own. A user's `skipLibCheck` would
 * hide them (and it must stay on for them: `@trpc/client`'s types need the DOM library).
 */
function checkDeclaration(file: string): void {
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2024,
    lib: ['lib.es2024.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    types: [],
  });
  const problems = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file);
  if (problems.length) {
    throw new Error(
      ts.formatDiagnostics(problems, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => root,
        getNewLine: () => '\n',
      }),
    );
  }
}

const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const { metafile } = await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: join(dist, 'index.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: declared,
  metafile: true,
  logLevel: 'warning',
});
// Only our own modules may be bundled in; a library belongs in `dependencies`.
const bundledLibraries = Object.keys(metafile.inputs).filter((input) =>
  input.includes('node_modules/'),
);
if (bundledLibraries.length) throw new Error(`libraries bundled in: ${bundledLibraries}`);
checkImports(join(dist, 'index.js'));

const work = mkdtempSync(join(tmpdir(), 'botsmith-client-types-'));
try {
  const appRouterFile = join(work, 'app-router.d.ts');
  writeFileSync(appRouterFile, appRouterDeclaration(join(root, 'src/app-router.ts')));
  const bundle = await rollup({
    input: join(root, 'src/index.ts'),
    external: isDeclared,
    plugins: [
      {
        // The server's router type, swapped for its self-contained copy.
        name: 'self-contained-app-router',
        resolveId: (id) => (id === './app-router' ? appRouterFile : null),
      },
      dts({ tsconfig: join(root, 'tsconfig.json') }),
    ],
  });
  await bundle.write({ file: join(dist, 'index.d.ts'), format: 'es' });
  await bundle.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
checkImports(join(dist, 'index.d.ts'));
checkDeclaration(join(dist, 'index.d.ts'));
console.log('built dist/index.js and dist/index.d.ts');
