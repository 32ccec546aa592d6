import {
  type BuildConfig,
  featureInfo,
  PLATFORMS,
  PRIORITIES,
  WIZARD_STEPS,
} from '@botsmith/shared';
import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { CheckIcon } from '../../../components/ui/stepper';
import { IssueList } from './issue-list';
import {
  AI_PROVIDER_LABELS,
  AUTOMATION_LABELS,
  COMPLEXITY_LABELS,
  DEPLOY_TARGET_LABELS,
  LICENSE_LABELS,
  NODE_VERSION_LABELS,
  PACKAGE_MANAGER_LABELS,
  SESSION_STORE_LABELS,
  TEAM_SIZE_LABELS,
} from './labels';
import type { WizardStepProps } from './wizard-step-props';

function formatTtl(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  for (const [unit, size] of [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ] as const) {
    if (seconds >= size && seconds % size === 0) {
      const count = seconds / size;
      return `${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}

const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'None');

function rows(config: BuildConfig): Record<number, [string, ReactNode][]> {
  const automation = (Object.keys(AUTOMATION_LABELS) as (keyof typeof AUTOMATION_LABELS)[])
    .filter((key) => config.automation[key])
    .map((key) => AUTOMATION_LABELS[key].label);
  return {
    1: [
      [
        'Platforms',
        list(config.platforms.map((id) => PLATFORMS.find((p) => p.id === id)?.label ?? id)),
      ],
    ],
    2: [
      [
        'Priorities',
        list(
          config.priorities.map(
            (id, index) => `${index + 1}. ${PRIORITIES.find((p) => p.id === id)?.label ?? id}`,
          ),
        ),
      ],
    ],
    3: [
      ['Features', list(config.features.map((id) => featureInfo(id).label))],
      ...(config.features.includes('ai')
        ? ([
            ['AI provider', AI_PROVIDER_LABELS[config.ai.provider]],
            ['System prompt', config.ai.systemPrompt || '—'],
          ] as [string, ReactNode][])
        : []),
    ],
    4: [
      ['Project name', <code key="name">{config.project.name || '—'}</code>],
      ['Display name', config.project.displayName || '—'],
      ['Description', config.project.description || '—'],
      ['License', LICENSE_LABELS[config.project.license]],
      ['Node.js', NODE_VERSION_LABELS[config.runtime.nodeVersion]],
      ['Package manager', PACKAGE_MANAGER_LABELS[config.runtime.packageManager]],
      ['Session store', SESSION_STORE_LABELS[config.sessions.store]],
      ['Session lifetime', formatTtl(config.sessions.ttlSeconds)],
      ['Deploy target', DEPLOY_TARGET_LABELS[config.deploy.target]],
      ['Automation', list(automation)],
      [
        'Team',
        `${TEAM_SIZE_LABELS[config.team.size]}, ${COMPLEXITY_LABELS[config.team.complexity].toLowerCase()} bot`,
      ],
    ],
  };
}

/** Every setting on one page, with the whole-config validation linked to its steps. */
export function ReviewStep({
  config,
  issues,
  goTo,
}: Pick<WizardStepProps, 'config' | 'issues' | 'goTo'>) {
  const sections = rows(config);
  return (
    <div className="grid gap-5">
      {issues.length > 0 ? (
        <IssueList
          issues={issues}
          onGoToStep={goTo}
          title={`${issues.length} ${issues.length === 1 ? 'problem needs' : 'problems need'} fixing before generating`}
        />
      ) : (
        <p
          role="status"
          className="flex items-center gap-2 rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-sm font-medium text-emerald-900"
        >
          <CheckIcon />
          Everything checks out. Generate the project next.
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {WIZARD_STEPS.filter((step) => sections[step.number]).map((step) => {
          const stepIssues = issues.filter((issue) => issue.step === step.number).length;
          return (
            <Card key={step.number} className={step.number === 4 ? 'p-4 md:row-span-3' : 'p-4'}>
              <section aria-labelledby={`review-${step.id}`}>
                <div className="flex items-center justify-between gap-2">
                  <h3 id={`review-${step.id}`} className="font-semibold">
                    {step.number}. {step.title}
                    {stepIssues > 0 && (
                      <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-700">
                        {stepIssues} to fix
                      </span>
                    )}
                  </h3>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Edit ${step.title}`}
                    onClick={() => goTo(step.number)}
                  >
                    Edit
                  </Button>
                </div>
                <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
                  {sections[step.number]?.map(([term, value]) => (
                    <div key={term} className="contents">
                      <dt className="text-slate-500">{term}</dt>
                      <dd className="min-w-0 break-words text-slate-900">{value}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
