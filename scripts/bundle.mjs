#!/usr/bin/env node
// Bundles a Node entry point and the workspace packages it imports into one ES module.
// Workspace packages export TypeScript source, so production code must be bundled; packages
// that load files next to themselves at run time (WebAssembly, worker threads, native
// bindings) stay external and must be direct dependencies of the package being bundled.
// Usage: node scripts/bundle.mjs <entry.ts> <outfile.js>  (run from the package directory)
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const KEEP_EXTERNAL = ['@electric-sql/pglite', 'pg', 'pg-native', 'pino', 'pg-boss'];

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: node scripts/bundle.mjs <entry.ts> <outfile.js>');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const declared = new Set(Object.keys(manifest.dependencies ?? {}));

/** @type {import('esbuild').Plugin} */
const keepExternal = {
  name: 'keep-external',
  setup(pluginBuild) {
    const filter = new RegExp(
      `^(${KEEP_EXTERNAL.map((n) => n.replace('/', '\\/')).join('|')})(\\/|$)`,
    );
    pluginBuild.onResolve({ filter }, (args) => {
      const name = KEEP_EXTERNAL.find((n) => args.path === n || args.path.startsWith(`${n}/`));
      if (name && !declared.has(name)) {
        return {
          errors: [{ text: `${name} stays external, so ${manifest.name} must depend on it` }],
        };
      }
      return { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: true,
  legalComments: 'linked',
  plugins: [keepExternal],
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __botsmithCreateRequire } from 'node:module'; const require = __botsmithCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log(`bundled ${entry} -> ${outfile}`);
