const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date for tables, or a placeholder for "never". */
export function formatDate(value: Date | null, never = 'Never'): string {
  return value ? dateTime.format(value) : never;
}

/** Audit-log actions in words. */
export const ACTIVITY_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in with GitHub',
  'auth.sign_out': 'Signed out',
  'auth.sign_out_everywhere': 'Signed out everywhere',
  'api_token.created': 'Created an API token',
  'api_token.revoked': 'Revoked an API token',
};
