import { type ConfigIssue, WIZARD_STEPS } from '@botsmith/shared';

/** Validation problems, each with a link to the step that fixes it. */
export function IssueList({
  issues,
  onGoToStep,
  title,
}: {
  issues: readonly ConfigIssue[];
  onGoToStep: (step: number) => void;
  title: string;
}) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">{title}</p>
      <ul className="mt-2 grid gap-1.5 text-sm">
        {issues.map((issue) => {
          const step = WIZARD_STEPS.find((candidate) => candidate.number === issue.step);
          return (
            <li key={`${issue.path}:${issue.message}`} className="flex flex-wrap gap-x-2">
              <code className="font-mono text-xs leading-5 text-red-800">{issue.path}</code>
              <span>{issue.message}</span>
              {step && (
                <button
                  type="button"
                  onClick={() => onGoToStep(step.number)}
                  className="font-medium text-red-700 underline underline-offset-2 hover:text-red-900"
                >
                  Fix in step {step.number}: {step.title}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
