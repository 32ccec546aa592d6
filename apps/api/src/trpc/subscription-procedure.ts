import { TRPCError } from '@trpc/server';
import { protectedProcedure } from './init';

/**
 * How many subscriptions (SSE streams: setup progress, deployment changes) one user may hold
 * open at once in this process, all kinds together. Each polls the database, so unbounded
 * streams are unbounded load; a few tabs of the dashboard need far fewer.
 */
export const MAX_SUBSCRIPTIONS_PER_USER = 10;

const openByUser = new Map<string, number>();

/** How many subscriptions the user holds open in this process now. */
export function openSubscriptionCount(userId: string): number {
  return openByUser.get(userId) ?? 0;
}

/** Takes one of the user's slots, or throws; the function returned gives it back, once. */
function takeSlot(userId: string): () => void {
  const open = openSubscriptionCount(userId);
  if (open >= MAX_SUBSCRIPTIONS_PER_USER) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `You already have ${MAX_SUBSCRIPTIONS_PER_USER} live updates open (setup progress, deployment changes); close another tab or window first.`,
    });
  }
  openByUser.set(userId, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = openSubscriptionCount(userId) - 1;
    if (left > 0) openByUser.set(userId, left);
    else openByUser.delete(userId);
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function'
  );
}

/**
 * `source`, calling `release` when it ends: done, thrown, or closed early by its reader. An
 * iterator of our own rather than a generator with `finally`: `return()` on a generator that
 * was never read skips its `finally`, and `return()` on one waiting inside an `await` runs it
 * only once that wait is over.
 */
function releasing<T>(source: AsyncIterable<T>, release: () => void): AsyncIterableIterator<T> {
  let iterator: AsyncIterator<T> | undefined;
  const settled = async (step: Promise<IteratorResult<T>>) => {
    try {
      const result = await step;
      if (result.done) release();
      return result;
    } catch (error) {
      release();
      throw error;
    }
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      iterator ??= source[Symbol.asyncIterator]();
      return settled(iterator.next());
    },
    async return(value?: unknown) {
      release();
      return (await iterator?.return?.(value)) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      release();
      if (iterator?.throw) return iterator.throw(error);
      throw error;
    },
  };
}

/**
 * A subscription for signed-in callers that holds one of their `MAX_SUBSCRIPTIONS_PER_USER`
 * slots while it streams; over the cap it fails with TOO_MANY_REQUESTS (over SSE, as the
 * stream's error event). The slot comes back when the stream ends for any reason.
 *
 * @example changes: subscriptionProcedure.input(schema).subscription(async function* () { … })
 */
export const subscriptionProcedure = protectedProcedure.use(async ({ ctx, signal, next }) => {
  const release = takeSlot(ctx.user.id);
  // A client that disconnects aborts `signal`, possibly before the stream was ever read: a
  // generator that never started runs no `finally`, so this is the release that covers it.
  signal?.addEventListener('abort', release, { once: true });
  const result = await next();
  if (!result.ok || !isAsyncIterable(result.data)) {
    release();
    return result;
  }
  return { ...result, data: releasing(result.data, release) };
});
