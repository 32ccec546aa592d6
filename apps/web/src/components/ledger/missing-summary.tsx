import type { MissingGroup } from '../../lib/runtime-ledger';

/**
 * The required names still without a value, per platform ("Still missing — Render:
 * RENDER_SERVICE_ID"), announced as they change.
 */
export function MissingSummary({ missing }: { missing: readonly MissingGroup[] }) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="missing-summary"
      className={
        missing.length > 0
          ? 'rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900'
          : 'rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900'
      }
    >
      {missing.length === 0 ? (
        <p>Every required value has one.</p>
      ) : (
        <>
          <p className="font-medium">Still missing</p>
          <ul className="mt-1 grid gap-0.5">
            {missing.map((group) => (
              <li key={group.label} className="break-words">
                {group.label}: {group.names.join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
