// Test-only helpers, exported as `@botsmith/db/testing`; they import vitest, so production
// code must never import this entry.
export {
  DATABASE_KINDS,
  type DatabaseKind,
  describeEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from './databases';
export { postgresAdminUrl, probePostgres, withAdminClient } from './postgres';
