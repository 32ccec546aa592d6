import { groupLedger, type NextStep } from '@botsmith/shared';
import { Card } from '../../../components/ui/card';
import { CopyButton } from '../../../components/ui/copy-button';

/**
 * Step 8's "Next steps": what is left to do outside GitHub, per platform, each with the exact
 * command to run (with a Copy button) or the page to open.
 */
export function NextStepsPanel({ nextSteps }: { nextSteps: readonly NextStep[] }) {
  if (nextSteps.length === 0) return null;
  return (
    <Card className="grid gap-4 p-5">
      <section aria-labelledby="next-steps-heading" className="grid gap-4">
        <h3 id="next-steps-heading" className="font-semibold text-slate-900">
          Next steps
        </h3>
        {groupLedger(nextSteps).map((group) => (
          <section
            key={`${group.kind}:${group.label}`}
            aria-label={`Next steps for ${group.label}`}
            className="grid gap-2"
          >
            <h4 className="text-sm font-semibold text-slate-800">{group.label}</h4>
            <ol className="grid gap-3">
              {group.entries.map((step) => (
                <li
                  key={`${step.title}:${step.command ?? step.url ?? ''}`}
                  className="grid min-w-0 gap-1 text-sm"
                >
                  <p className="font-medium text-slate-900">{step.title}</p>
                  <p className="text-slate-600">{step.detail}</p>
                  {step.command && (
                    <div className="flex min-w-0 items-start gap-2">
                      <pre className="min-w-0 flex-1 overflow-x-auto rounded-lg bg-slate-900 px-3 py-2 text-xs text-slate-100">
                        <code>{step.command}</code>
                      </pre>
                      <CopyButton
                        size="sm"
                        text={step.command}
                        copied="Command copied"
                        aria-label={`Copy the command: ${step.title}`}
                      />
                    </div>
                  )}
                  {step.url && (
                    <a
                      href={step.url}
                      target="_blank"
                      rel="noreferrer"
                      className="w-fit font-medium break-all text-indigo-700 underline"
                    >
                      {step.url}
                      <span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>
    </Card>
  );
}
