import { lazy } from 'react';

// The secrets page's public entry. It loads only when opened, and libsodium (sealing a new
// value) only when a secret is saved.

/** `/dashboard/projects/:id/secrets`: the ledger's values on GitHub, set, rotated, deleted. */
export const SecretsPage = lazy(() =>
  import('./components/secrets-page').then((module) => ({ default: module.SecretsPage })),
);
