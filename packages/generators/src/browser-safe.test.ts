import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript6';
import { describe, expect, it } from 'vitest';

// The generator runs in the browser (live preview), so only the CLI may use Node. This looks
// at real imports and identifiers, not at text: templates of generated code may say node:fs.
const SRC = fileURLToPath(new URL('.', import.meta.url));
const NODE_MODULES = new Set(builtinModules);
const NODE_GLOBALS = new Set(['process', 'Buffer', '__dirname', '__filename', 'require']);

function coreSources(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter(
      (path) =>
        path.endsWith('.ts') &&
        !path.endsWith('.test.ts') &&
        path !== 'cli.ts' &&
        path !== 'lockfile.ts' &&
        path !== 'lockfile-testing.ts',
    )
    .sort();
}

function nodeOnlyUses(path: string): string[] {
  const file = ts.createSourceFile(
    path,
    readFileSync(SRC + path, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const specifier = node.moduleSpecifier.text;
      if (specifier.startsWith('node:') || NODE_MODULES.has(specifier)) {
        found.push(`${path}: imports ${specifier}`);
      }
    }
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      found.push(`${path}: uses ${node.text}`);
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

describe('the generator core is browser-safe', () => {
  it('has no Node-only imports or globals outside src/cli.ts and the lockfile entries', () => {
    const sources = coreSources();
    expect(sources).toContain('generate.ts');
    expect(sources.flatMap(nodeOnlyUses)).toEqual([]);
  });

  it('bundles for the browser', async () => {
    const result = await build({
      entryPoints: [`${SRC}index.ts`],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
  });
});
