import type { BuildConfig } from '@botsmith/shared';

/** Where a generated bot keeps its sessions. */
export type SessionStoreKind = BuildConfig['sessions']['store'];
