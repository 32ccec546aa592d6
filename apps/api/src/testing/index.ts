// Test-only helpers for other packages' tests (the client's, over a real socket), exported as
// `@botsmith/api/testing`; they import vitest, so production code must never import this.
export { type SuiteServer, serveForSuite } from './serve-for-suite';
export { createTestApiUser } from './test-api-user';
