import { groupLedger, type LedgerEntry, missingRequired } from '@botsmith/shared';

/** Required names still without a value, per what needs them: `Render: RENDER_SERVICE_ID`. */
export interface MissingGroup {
  label: string;
  names: string[];
}

/**
 * The "still missing" summary of step 7 and the secrets page: the ledger's required names
 * that are not among `provided`, grouped by platform or feature in ledger order.
 */
export function missingByGroup(
  ledger: readonly LedgerEntry[],
  provided: ReadonlySet<string>,
): MissingGroup[] {
  return groupLedger(missingRequired(ledger, provided)).map((group) => ({
    label: group.label,
    names: group.entries.map((entry) => entry.name),
  }));
}
