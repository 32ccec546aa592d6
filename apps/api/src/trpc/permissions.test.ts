import { describeEachDatabase } from '@botsmith/db/testing';
import { PERMISSIONS } from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import { describe, expect, test } from 'vitest';
import { createTestCaller, createTestContext } from '../testing/test-server';
import { appRouter } from './app-router';
import { createCallerFactory, publicProcedure, router } from './init';

type AnyProcedure = { _def: { meta?: { permission?: string }; type: string } };
// tRPC keeps a flat record of every procedure by its dotted path.
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
);

/** Calls `path` on `caller` with no input, however deep it is nested. */
function callPath(caller: unknown, path: string): Promise<unknown> {
  const fn = path.split('.').reduce((node, key) => (node as Record<string, unknown>)[key], caller);
  return Promise.resolve().then(() => (fn as () => unknown)());
}

describe('permissions', () => {
  test('the router has procedures to check', () => {
    expect(procedures.length).toBeGreaterThan(20);
  });

  test.each(procedures)('%s names a known permission', (_path, procedure) => {
    expect(PERMISSIONS).toContain(procedure._def.meta?.permission);
  });
});

describeEachDatabase('permission checks', (t) => {
  test('a procedure that names no permission fails closed', async () => {
    const careless = router({ open: publicProcedure.query(() => 'secret') });
    const caller = createCallerFactory(careless)(createTestContext(t.db));
    await expect(caller.open()).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });

  const guarded = procedures.filter(([, p]) => p._def.meta?.permission !== 'public');

  test.each(guarded)('%s refuses an anonymous caller', async (path) => {
    const error = await callPath(createTestCaller(t.db), path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
