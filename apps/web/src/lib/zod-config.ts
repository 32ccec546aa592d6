// Zod 4 compiles object parsers with `new Function` when it may; merely probing for that
// trips the Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval'). Parse without
// (https://zod.dev/packages/core, "jitless"). Zod reads its configuration from this global, so
// setting it here, without importing zod, takes effect before any chunk that parses while
// loading (default configs) is evaluated; main.tsx loads the app only after this module.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
