import { PRIORITIES, type PriorityId, recommendDefaults } from '@botsmith/shared';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { FieldErrors } from '../../../components/ui/field';
import { movePriority, togglePriority } from '../state/config-edits';
import { messagesAt } from '../state/validation';
import { describePath, describeValue } from './labels';
import type { WizardStepProps } from './wizard-step-props';

const label = (id: PriorityId) => PRIORITIES.find((priority) => priority.id === id)?.label ?? id;

export function PrioritiesStep({ config, onChange, issues }: WizardStepProps) {
  const available = PRIORITIES.filter((priority) => !config.priorities.includes(priority.id));
  const recommendations = recommendDefaults(config);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="priorities-available">
        <h3 id="priorities-available" className="text-sm font-semibold text-slate-700">
          Pick what matters, most important first
        </h3>
        <ul className="mt-3 grid gap-2">
          {available.map((priority) => (
            <li key={priority.id}>
              <button
                type="button"
                aria-label={`Add ${priority.label}`}
                onClick={() => onChange((current) => togglePriority(current, priority.id, true))}
                className="flex w-full items-start gap-3 rounded-xl border border-slate-200 bg-white p-3 text-left shadow-xs hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              >
                <span
                  aria-hidden="true"
                  className="grid size-6 shrink-0 place-items-center rounded-full border border-dashed border-slate-300 text-slate-400"
                >
                  +
                </span>
                <span>
                  <span className="block font-medium">{priority.label}</span>
                  <span className="block text-sm text-slate-500">{priority.description}</span>
                </span>
              </button>
            </li>
          ))}
          {available.length === 0 && (
            <li className="text-sm text-slate-500">You ranked every priority.</li>
          )}
        </ul>
      </section>

      <section aria-labelledby="priorities-ranking" className="grid content-start gap-4">
        <Card className="p-4">
          <h3 id="priorities-ranking" className="text-sm font-semibold text-slate-700">
            Your ranking
          </h3>
          {config.priorities.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500">
              Nothing picked yet. Priorities are optional; they only drive recommendations.
            </p>
          ) : (
            <ol aria-label="Ranked priorities" className="mt-3 grid gap-2">
              {config.priorities.map((id, index) => (
                <li
                  key={id}
                  className="flex items-center gap-3 rounded-lg bg-indigo-50 px-3 py-2 text-indigo-950"
                >
                  <span className="grid size-6 shrink-0 place-items-center rounded-full bg-indigo-600 text-xs font-semibold text-white">
                    <span className="sr-only">Rank </span>
                    {index + 1}
                  </span>
                  <span className="flex-1 font-medium">{label(id)}</span>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Move ${label(id)} up`}
                    disabled={index === 0}
                    onClick={() => onChange((current) => movePriority(current, id, -1))}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Move ${label(id)} down`}
                    disabled={index === config.priorities.length - 1}
                    onClick={() => onChange((current) => movePriority(current, id, 1))}
                  >
                    ↓
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Remove ${label(id)}`}
                    onClick={() => onChange((current) => togglePriority(current, id, false))}
                  >
                    ✕
                  </Button>
                </li>
              ))}
            </ol>
          )}
          <FieldErrors errors={messagesAt(issues, 'priorities')} />
        </Card>

        {recommendations.length > 0 && (
          <Card className="p-4">
            <h3 className="text-sm font-semibold text-slate-700">What this will recommend</h3>
            <ul className="mt-2 grid gap-1.5 text-sm text-slate-600">
              {recommendations.map((recommendation) => (
                <li key={recommendation.path}>
                  <strong className="font-medium text-slate-800">
                    {describePath(recommendation.path)}:
                  </strong>{' '}
                  {describeValue(recommendation.path, recommendation.value)}, because{' '}
                  {recommendation.because}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </div>
  );
}
