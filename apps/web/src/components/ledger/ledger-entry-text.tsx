import type { LedgerEntry } from '@botsmith/shared';

/** A ledger name as a label: the name, and whether the bot or its deploy cannot do without it. */
export function LedgerEntryLabel({ entry }: { entry: Pick<LedgerEntry, 'name' | 'required'> }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <code className="break-all">{entry.name}</code>
      {entry.required ? (
        <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset">
          required
        </span>
      ) : (
        <span className="text-xs font-normal text-slate-500">optional</span>
      )}
    </span>
  );
}

/** What a ledger name is for and where to get its value (in a new tab, so the form stays). */
export function LedgerEntryHint({
  entry,
}: {
  entry: Pick<LedgerEntry, 'name' | 'description' | 'helpUrl'>;
}) {
  return (
    <>
      {entry.description}
      {entry.helpUrl && (
        <>
          {' '}
          <a
            href={entry.helpUrl}
            target="_blank"
            rel="noreferrer"
            className="font-medium text-indigo-700 underline"
          >
            How to get {entry.name}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </>
      )}
    </>
  );
}
