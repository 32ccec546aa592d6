import { GITHUB_SCOPES } from '@botsmith/shared';

/** Every OAuth scope Botsmith asks for, what GitHub calls it and what we do with it. */
export function ScopeList() {
  return (
    <dl className="grid gap-3">
      {GITHUB_SCOPES.map((scope) => (
        <div key={scope.id} className="rounded-lg border border-slate-200 p-3">
          <dt className="flex flex-wrap items-baseline gap-2 text-sm">
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
              {scope.id}
            </code>
            <span className="font-medium text-slate-900">{scope.grants}</span>
          </dt>
          <dd className="mt-1 text-sm text-slate-600">{scope.why}</dd>
        </div>
      ))}
    </dl>
  );
}
