import { deleteApiToken, listApiTokens } from '@botsmith/db';
import { API_TOKEN_LIFETIME_DAYS, createApiTokenSchema } from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { createApiToken } from '../api-tokens/api-tokens';
import { protectedProcedure, router, sessionProcedure } from '../trpc/init';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Personal API tokens for the SDK (`createBotsmithClient({ url, token })`). */
export const apiTokenRouter = router({
  /** The caller's tokens: name, created, last used, expiry. Never the secret. */
  list: protectedProcedure
    .meta({ permission: 'account:read' })
    .query(({ ctx }) => listApiTokens(ctx.db, ctx.user.id)),

  /**
   * Creates a token and returns it once; only its hash is kept. Browser sessions only, so a
   * leaked token cannot mint more.
   */
  create: sessionProcedure
    .meta({ permission: 'account:write' })
    .input(createApiTokenSchema)
    .mutation(async ({ ctx, input }) => {
      const days = API_TOKEN_LIFETIME_DAYS[input.lifetime];
      const expiresAt = days === null ? null : new Date(Date.now() + days * DAY_MS);
      const { token, summary } = await createApiToken(ctx.db, ctx.user.id, {
        name: input.name,
        expiresAt,
      });
      await ctx.audit('api_token.created', { tokenId: summary.id, name: summary.name });
      return { token, apiToken: summary };
    }),

  /** Revokes one of the caller's tokens; someone else's id is NOT_FOUND, like a missing one. */
  revoke: protectedProcedure
    .meta({ permission: 'account:write' })
    .input(z.object({ id: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await deleteApiToken(ctx.db, ctx.user.id, input.id);
      if (!revoked) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such API token.' });
      await ctx.audit('api_token.revoked', {
        tokenId: revoked.id,
        name: revoked.name,
        via: ctx.auth.kind,
      });
      return { revoked: revoked.id };
    }),
});
