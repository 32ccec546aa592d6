import { WIZARD_STEP_IDS, WIZARD_STEPS, type WizardStepId } from '@botsmith/shared';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorBoundary } from '../../../components/ui/error-boundary';
import { LockIcon, Stepper, type StepperItem } from '../../../components/ui/stepper';
import { Link, useLocation } from '../../../lib/router';
import type { WizardControls } from '../hooks/use-wizard';
import { validateStep } from '../state/validation';
import { LAST_ANONYMOUS_STEP, type WizardState } from '../state/wizard-state';
import type { WizardStepRegistry } from './wizard-step-props';

const INTROS: Record<WizardStepId, string> = {
  platform: 'Where should your bot live? Pick one or more chat platforms.',
  priorities: 'Rank what matters most. Later steps recommend settings based on it.',
  features: 'Choose what the bot can do. Features a platform cannot support are explained.',
  configuration: 'Name the project and choose how it runs, deploys and is maintained.',
  review: 'Check every setting before generating the project.',
  generate: 'Browse the generated repository, copy files or download it as a zip.',
  'auto-setup': 'Create the repository on GitHub with its secrets, webhook and branch protection.',
  complete: 'Botsmith sets the repository up step by step; this page follows it live.',
};

function stepperItems(state: WizardState, signedIn: boolean): StepperItem[] {
  return WIZARD_STEPS.map((step) => ({
    number: step.number,
    title: step.title,
    status:
      step.requiresSignIn && !signedIn
        ? 'locked'
        : step.number === state.step
          ? 'current'
          : step.number < state.furthestStep
            ? 'complete'
            : step.number === state.furthestStep
              ? 'available'
              : 'upcoming',
    lockedLabel: step.requiresSignIn && !signedIn ? 'Sign in required' : undefined,
  }));
}

/**
 * The eight-step build wizard around the step on screen, which `steps` supplies; steps 7 and 8
 * wait for sign-in.
 */
export function Wizard({
  wizard,
  steps,
  signedIn,
}: {
  wizard: WizardControls;
  steps: WizardStepRegistry;
  signedIn: boolean;
}) {
  const { href } = useLocation();
  const { state, edit, next, back, goTo, reset } = wizard;
  const { config, step } = state;
  const info = WIZARD_STEPS.find((candidate) => candidate.number === step) ?? WIZARD_STEPS[0];
  // WIZARD_STEP_IDS is in step order (its test says so).
  const id: WizardStepId = WIZARD_STEP_IDS[step - 1] ?? 'platform';
  const Step = steps[id];
  const issues = validateStep(config, step);
  const [blocked, setBlocked] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const previousStep = useRef(step);

  // Move focus to the new step's heading so keyboard and screen-reader users follow along.
  useEffect(() => {
    if (previousStep.current === step) return;
    previousStep.current = step;
    setBlocked(false);
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  const onNext = () => {
    if (issues.length > 0) {
      setBlocked(true);
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    next();
  };

  const isLastAnonymous = step === LAST_ANONYMOUS_STEP && !signedIn;
  return (
    <div className="grid gap-6">
      <Stepper steps={stepperItems(state, signedIn)} onSelect={goTo} />

      <section aria-labelledby="wizard-step-title" className="grid gap-5">
        <header>
          <div className="flex items-center justify-between gap-3">
            <p className="text-sm font-medium text-indigo-600">
              Step {step} of {WIZARD_STEPS.length}
            </p>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                // A setup run goes on at GitHub; the dashboard still has it.
                if (window.confirm('Start over? Every choice in the wizard will be reset.'))
                  reset();
              }}
            >
              Start over
            </Button>
          </div>
          <h2
            id="wizard-step-title"
            ref={headingRef}
            tabIndex={-1}
            className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none"
          >
            {info?.title}
          </h2>
          <p className="mt-1 text-slate-600">{INTROS[id]}</p>
        </header>

        <ErrorBoundary key={step} label={`the ${info?.title ?? ''} step`}>
          <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
            <Step config={config} onChange={edit} issues={issues} goTo={goTo} back={back} />
          </Suspense>
        </ErrorBoundary>

        {blocked && issues.length > 0 && (
          <p
            role="alert"
            className="rounded-lg bg-red-50 px-4 py-3 text-sm font-medium text-red-800"
          >
            Fix the{' '}
            {issues.length === 1 ? 'highlighted problem' : `${issues.length} highlighted problems`}{' '}
            to continue.
          </p>
        )}

        <footer className="flex items-center justify-between gap-3 border-t border-slate-200 pt-5">
          <Button onClick={back} disabled={step === 1}>
            Back
          </Button>
          {isLastAnonymous ? (
            <p className="flex items-center gap-2 text-sm text-slate-500">
              <LockIcon />
              <span>
                <Link
                  to={`/sign-in?redirect=${encodeURIComponent(href)}`}
                  className="font-medium text-indigo-700 underline"
                >
                  Sign in with GitHub
                </Link>{' '}
                to create the repository automatically.
              </span>
            </p>
          ) : step >= LAST_ANONYMOUS_STEP + 1 ? null : (
            <Button variant="primary" onClick={onNext}>
              Next
            </Button>
          )}
        </footer>
      </section>
    </div>
  );
}
