/**
 * Every action the audit log records, `<domain>.<what happened>`. Add new actions here so the
 * log stays one vocabulary: the `activities` table's column and the pages that show the log
 * take their types from this list.
 *
 * @example ACTIVITY_ACTIONS.includes('auth.sign_in') // true
 */
export const ACTIVITY_ACTIONS = [
  'auth.sign_in',
  'auth.sign_out',
  'auth.sign_out_everywhere',
  'api_token.created',
  'api_token.revoked',
  'project.created',
  'project.renamed',
  'project.deleted',
  'project.webhook_disconnected',
  'setup.started',
  'setup.succeeded',
  'setup.failed',
  'setup.retried',
  'setup.rolled_back',
  'webhook.received',
  'deployment.updated',
  'deployment.redeployed',
  /** A ledger value was set or rotated (names only, never values). */
  'secrets.set',
  'secrets.removed',
] as const;

/** What happened, as the audit log records it. */
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];
