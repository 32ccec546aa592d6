// Test-only helpers for other packages' tests (the client's, over a real socket), exported as
// `@botsmith/api/testing`; production code must never import this entry.
export { createTestApiUser } from './test-api-user';
export { createTestServer } from './test-server';
