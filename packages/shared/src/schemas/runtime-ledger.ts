import { z } from 'zod';

// The runtime ledger (SPEC §5, §6): every variable a generated project uses, as the generator
// declares it. The setup, the wizard's steps 7–8, the project's Secrets page and the generated
// README all read this one list; nothing guesses names from files.

/**
 * Where a value must live:
 * - `runtime`: the bot reads it on its host. Setup stores it in the `production` environment
 *   (a secret when `secret`, a variable otherwise) and the deploy workflow delivers it to the
 *   host before each deploy; it is also listed in `.env.example`.
 * - `deploy-secret`: only the deploy workflow reads it (a host API token): a `production`
 *   environment secret.
 * - `deploy-variable`: only the deploy workflow reads it (a service id, an app name, the health
 *   URL): a `production` environment variable.
 */
export const LEDGER_LOCATIONS = ['runtime', 'deploy-secret', 'deploy-variable'] as const;
export type LedgerLocation = (typeof LEDGER_LOCATIONS)[number];

/** What asks for a variable: a platform, a feature, the deploy target or the project itself. */
export const LEDGER_OWNER_KINDS = ['platform', 'feature', 'deploy', 'project'] as const;
export type LedgerOwnerKind = (typeof LEDGER_OWNER_KINDS)[number];

/** A variable name as both GitHub (secrets, variables) and the generated `.env` accept it. */
export const ledgerNameSchema = z
  .string()
  .max(100)
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be upper-case letters, digits and _')
  .refine((name) => !name.startsWith('GITHUB_'), { message: 'must not start with GITHUB_' });

export const ledgerIntegerSchema = z
  .object({
    min: z.int().nonnegative(),
    max: z.int().optional(),
    default: z.int(),
  })
  .refine(
    ({ min, max, default: fallback }) => fallback >= min && (max === undefined || fallback <= max),
    { message: 'default must lie from min to max' },
  );
export type LedgerInteger = z.infer<typeof ledgerIntegerSchema>;

/** "a whole number from 1 to 65535" or "a whole number, 0 or more": how a range reads in messages. */
export function integerRule({ min, max }: LedgerInteger): string {
  return max === undefined
    ? `a whole number, ${min} or more`
    : `a whole number from ${min} to ${max}`;
}

export const ledgerEntrySchema = z.object({
  name: ledgerNameSchema,
  /** The module that needs it; `label` is what the wizard groups by ("Discord", "Render"). */
  neededBy: z.object({
    kind: z.enum(LEDGER_OWNER_KINDS),
    id: z.string().max(60),
    label: z.string().max(60),
  }),
  /** Secrets are sealed in the browser and never read back; plain values may be shown. */
  secret: z.boolean(),
  /** A required name without a value makes the first deploy (or the bot) fail. */
  required: z.boolean(),
  /** One sentence for the user: what it is and where to find it. Generator-authored. */
  description: z.string().max(400),
  /** Where to get the value (the platform's developer portal, the host's settings page). */
  helpUrl: z.url().optional(),
  /**
   * What a plain value must look like, checked wherever one is typed (step 7, the Secrets
   * page): an anchored regular expression and the words for it ("a Render service ID such
   * as srv-abc123"). The deploy workflow checks the same.
   */
  format: z.object({ pattern: z.string().max(200), hint: z.string().max(200) }).optional(),
  /**
   * A whole number from `min` to `max` (no upper bound without one), `default` when unset.
   * The generated `src/env.ts` checks and parses it once at start and exports it as a number.
   */
  integer: ledgerIntegerSchema.optional(),
  /** The default a plain value ships with (`PORT=3000`); never set for secrets. */
  example: z.string().max(200).optional(),
  location: z.enum(LEDGER_LOCATIONS),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const runtimeLedgerSchema = z.array(ledgerEntrySchema).max(200);
export type RuntimeLedger = z.infer<typeof runtimeLedgerSchema>;

/** Values live as GitHub environment secrets or environment variables. */
export const ledgerKindOf = (entry: Pick<LedgerEntry, 'secret'>): 'secret' | 'variable' =>
  entry.secret ? 'secret' : 'variable';

/**
 * The ledger's entries grouped by what needs them, in ledger order (for step 7, the page).
 * Anything with a `neededBy` groups alike: entries with their state, next steps.
 */
export function groupLedger<T extends Pick<LedgerEntry, 'neededBy'>>(
  ledger: readonly T[],
): { label: string; kind: LedgerOwnerKind; entries: T[] }[] {
  const groups = new Map<string, { label: string; kind: LedgerOwnerKind; entries: T[] }>();
  for (const entry of ledger) {
    const key = `${entry.neededBy.kind}:${entry.neededBy.id}`;
    const group = groups.get(key) ?? {
      label: entry.neededBy.label,
      kind: entry.neededBy.kind,
      entries: [],
    };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * What is wrong with a non-empty plain `value` for `entry` ("RENDER_SERVICE_ID must be a
 * Render service ID such as srv-abc123."), or `null` when it fits the entry's format.
 */
export function ledgerValueProblem(
  entry: Pick<LedgerEntry, 'name' | 'format'>,
  value: string,
): string | null {
  if (!entry.format || value === '') return null;
  return new RegExp(entry.format.pattern).test(value)
    ? null
    : `${entry.name} must be ${entry.format.hint}.`;
}

/** Required names that have no value among `provided`, in ledger order. */
export function missingRequired(
  ledger: readonly LedgerEntry[],
  provided: ReadonlySet<string>,
): LedgerEntry[] {
  return ledger.filter((entry) => entry.required && !provided.has(entry.name));
}

/**
 * Something left to do outside GitHub once the bot is deployed (register slash commands,
 * point Telegram's webhook, install the Slack app), shown on step 8 and in the README.
 * `command` is a shell line to run as is; `url` a page to open. Generator-authored text.
 */
export interface NextStep {
  neededBy: LedgerEntry['neededBy'];
  title: string;
  detail: string;
  command?: string;
  url?: string;
}
