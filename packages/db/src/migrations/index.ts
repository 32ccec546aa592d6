import type { Migration } from 'kysely/migration';
import * as initial from './2026_11_22_000000_initial';
import * as auth from './2026_11_23_000000_auth';
import * as setup from './2026_11_24_000000_setup';
import * as webhookCandidatesByRepoId from './2026_11_25_000000_webhook_candidates_by_repo_id';
import * as setupStepIds from './2026_12_02_000000_setup_step_ids';

/**
 * Every migration, keyed by name; Kysely runs them in name order. Listed by hand rather
 * than globbed from disk so the bundled server (one file) carries them.
 * Add new files as `YYYY_MM_DD_HHMMSS_<what>.ts` and register them here.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_22_000000_initial': initial,
  '2026_11_23_000000_auth': auth,
  '2026_11_24_000000_setup': setup,
  '2026_11_25_000000_webhook_candidates_by_repo_id': webhookCandidatesByRepoId,
  '2026_12_02_000000_setup_step_ids': setupStepIds,
};
