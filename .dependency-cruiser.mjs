// Import rules that Biome cannot express (it matches import specifiers as written, not the
// files they resolve to): the web app's feature boundaries and no import circle anywhere.
// `pnpm lint` runs it over every package's and app's `src` (decision 015).

const feature = '^apps/web/src/features/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circle, type-only imports included: the modules form a tree.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-to-feature',
      comment: 'A feature never imports another one; `app/` composes them.',
      severity: 'error',
      from: { path: `${feature}([^/]+)/` },
      to: { path: feature, pathNot: `${feature}$1/` },
    },
    {
      name: 'feature-to-app',
      comment: 'Features do not know the app that composes them.',
      severity: 'error',
      from: { path: feature },
      to: { path: '^apps/web/src/app/' },
    },
    {
      name: 'shared-code-to-feature',
      comment: '`components/` and `lib/` serve every feature, so they import none (nor `app/`).',
      severity: 'error',
      from: { path: '^apps/web/src/(components|lib)/' },
      to: { path: '^apps/web/src/(features|app)/' },
    },
    {
      name: 'feature-internals',
      comment:
        "Outside a feature only its entry, `index.ts`, is imported: the rest is the feature's own.",
      severity: 'error',
      from: { path: '^apps/web/src/', pathNot: feature },
      to: { path: `${feature}[^/]+/.`, pathNot: `${feature}[^/]+/index\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a circle of types still ties the modules together.
    tsPreCompilationDeps: true,
    // Workspace packages resolve through their `exports` to their TypeScript source.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
    },
  },
};
