const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date for tables, or a placeholder for "never". */
export function formatDate(value: Date | null, never = 'Never'): string {
  return value ? dateTime.format(value) : never;
}
