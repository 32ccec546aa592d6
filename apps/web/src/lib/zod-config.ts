import { z } from 'zod';

// Zod 4 compiles object parsers with `new Function` when it may; merely probing for that
// trips the Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval'). Parse without
// (https://zod.dev/packages/core, "jitless"). Imported first by main.tsx, because modules
// evaluate in import order and some parse schemas while loading (default configs).
z.config({ jitless: true });
