import { invalidateSession, invalidateUserSessions } from '../sessions/sessions';
import { publicProcedure, router, sessionProcedure } from '../trpc/init';

/** Sign-in state and sign-out. Signing in itself is the `/auth/github` redirect flow. */
export const authRouter = router({
  /** Whether sign-in goes to github.com or the local emulator, for the sign-in button. */
  signInOptions: publicProcedure.meta({ permission: 'public' }).query(({ ctx }) => ({
    ...ctx.signIn,
    startPath: '/auth/github',
  })),

  /** The caller, or `null` when signed out. Never includes tokens. */
  me: publicProcedure.meta({ permission: 'public' }).query(({ ctx }) => {
    if (!ctx.auth) return null;
    const { user } = ctx.auth;
    return {
      user: {
        id: user.id,
        login: user.login,
        name: user.name,
        avatarUrl: user.avatarUrl,
        email: user.email,
      },
      via: ctx.auth.kind,
      session:
        ctx.auth.kind === 'session'
          ? {
              createdAt: ctx.auth.session.createdAt,
              expiresAt: ctx.auth.session.expiresAt,
              absoluteExpiresAt: ctx.auth.session.absoluteExpiresAt,
            }
          : null,
    };
  }),

  /** Ends this browser's session (server-side) and drops its cookie. */
  logout: sessionProcedure.meta({ permission: 'account:write' }).mutation(async ({ ctx }) => {
    await invalidateSession(ctx.db, ctx.auth.session.id);
    await ctx.audit('auth.sign_out');
    ctx.clearSessionCookie();
    return { signedOut: true as const };
  }),

  /** Ends every session of the user, on every device. API tokens stay valid. */
  logoutAll: sessionProcedure.meta({ permission: 'account:write' }).mutation(async ({ ctx }) => {
    const sessionsEnded = await invalidateUserSessions(ctx.db, ctx.user.id);
    await ctx.audit('auth.sign_out_everywhere', { sessionsEnded });
    ctx.clearSessionCookie();
    return { sessionsEnded };
  }),
});
