/**
 * The most calls one tRPC batch request may carry. The server answers larger batches with
 * 400, and every client (the web app, the SDK) splits its batches at this size, so one
 * request can never fan out into hundreds of procedure calls.
 *
 * @example httpBatchLink({ url: '/trpc', maxItems: MAX_BATCH_SIZE });
 */
export const MAX_BATCH_SIZE = 10;
