import { z } from 'zod';
import { type LedgerEntry, ledgerNameSchema } from './runtime-ledger';

// The Secrets page contract (SPEC §2, issue "deploys that really run the bot"): a project's
// runtime ledger with each name's state read from GitHub, and setting, rotating or removing
// a value. Values of secrets are sealed in the browser and never read back.

/**
 * The GitHub environment every ledger value lives in: secrets as environment secrets, plain
 * values as environment variables. The deploy workflow runs in it and reads them.
 */
export const PRODUCTION_ENVIRONMENT = 'production';

/** A plain (non-secret) value as the wizard and the Secrets page accept it. */
export const ledgerValueSchema = z.string().max(4000);

/** A secret sealed in the browser against the environment's public key (libsodium sealed box). */
export const sealedValueSchema = z
  .base64()
  .min(1)
  .max(64 * 1024);

/** The environment's public key id, as GitHub returns it. */
export const publicKeyIdSchema = z.string().min(1).max(200);

export const projectSecretsInputSchema = z.object({ projectId: z.uuid() });

export const setProjectSecretInputSchema = z.object({
  projectId: z.uuid(),
  name: ledgerNameSchema,
  keyId: publicKeyIdSchema,
  encryptedValue: sealedValueSchema,
});
export type SetProjectSecretInput = z.input<typeof setProjectSecretInputSchema>;

export const setProjectVariableInputSchema = z.object({
  projectId: z.uuid(),
  name: ledgerNameSchema,
  value: ledgerValueSchema,
});
export type SetProjectVariableInput = z.input<typeof setProjectVariableInputSchema>;

export const removeProjectValueInputSchema = z.object({
  projectId: z.uuid(),
  name: ledgerNameSchema,
});
export type RemoveProjectValueInput = z.input<typeof removeProjectValueInputSchema>;

/** Whether GitHub holds a value for a ledger name. */
export type LedgerValueState = 'set' | 'missing';

/** One ledger entry as the Secrets page shows it. */
export type ProjectSecretEntry = LedgerEntry & {
  state: LedgerValueState;
  /** When GitHub last saw the value change (ISO 8601), or null when missing. */
  updatedAt: string | null;
  /** The value of a plain variable; always null for secrets. */
  value: string | null;
};

/** `projectSecrets.list`. */
export interface ProjectSecretsView {
  /** `owner/name` */
  repo: string;
  environment: typeof PRODUCTION_ENVIRONMENT;
  /** A successful deployment exists that `deployment.redeploy` can deploy again. */
  redeployable: boolean;
  entries: ProjectSecretEntry[];
}
