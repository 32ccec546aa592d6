import type { LedgerEntry } from '@botsmith/shared';
import { formatRelativeTime } from '../../../lib/format-relative-time';

/** What the secrets page knows of one name: GitHub's state, never a secret's value. */
export interface RowState {
  state: 'set' | 'missing';
  updatedAt: string | null;
}

/** The names that have a value on GitHub (for the "still missing" summary). */
export function namesSet(rows: readonly (RowState & Pick<LedgerEntry, 'name'>)[]): Set<string> {
  return new Set(rows.filter((row) => row.state === 'set').map((row) => row.name));
}

/** "Set · updated 3 minutes ago", or "Missing". */
export function stateText(row: RowState, now: Date = new Date()): string {
  if (row.state === 'missing') return 'Missing';
  if (!row.updatedAt) return 'Set';
  const updated = new Date(row.updatedAt);
  return Number.isNaN(updated.getTime())
    ? 'Set'
    : `Set · updated ${formatRelativeTime(updated, now)}`;
}

/** The change button's word: a secret is rotated, a plain value changed, a missing one set. */
export function changeVerb(
  row: Pick<RowState, 'state'> & Pick<LedgerEntry, 'secret'>,
): 'Set' | 'Rotate' | 'Change' {
  if (row.state === 'missing') return 'Set';
  return row.secret ? 'Rotate' : 'Change';
}
