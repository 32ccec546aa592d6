import { z } from 'zod';

/** How long a new personal API token stays valid; `never` until revoked. */
export const API_TOKEN_LIFETIMES = ['30d', '90d', '365d', 'never'] as const;

/** Days per lifetime choice (`never` has none). */
export const API_TOKEN_LIFETIME_DAYS: Record<(typeof API_TOKEN_LIFETIMES)[number], number | null> =
  { '30d': 30, '90d': 90, '365d': 365, never: null };

/** The "new API token" form, and the input of `apiToken.create`. */
export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'give the token a name, e.g. the script that uses it')
    .max(80, 'at most 80 characters')
    // Names are shown in lists and the audit log: no control characters.
    .regex(/^[^\p{Cc}]*$/u, 'no control characters'),
  lifetime: z.enum(API_TOKEN_LIFETIMES).default('90d'),
});

/** Input of `createApiTokenSchema` (what a form submits). */
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
