import { WIZARD_STEPS } from '@botsmith/shared';
import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorBoundary } from '../../../components/ui/error-boundary';
import { LockIcon, Stepper, type StepperItem } from '../../../components/ui/stepper';
import { Link, useLocation } from '../../../lib/router';
import { useMe } from '../../auth/api/use-auth';
import { loadSetupRunId, saveSetupRunId } from '../../setup/state/setup-run-storage';
import { useWizard } from '../hooks/use-wizard';
import { validateStep } from '../state/validation';
import { LAST_ANONYMOUS_STEP, maxStepFor, type WizardState } from '../state/wizard-state';
import { ConfigurationStep } from './configuration-step';
import { FeaturesStep } from './features-step';
import { PlatformStep } from './platform-step';
import { PrioritiesStep } from './priorities-step';
import { ReviewStep } from './review-step';

// The code viewer and its highlighter load only when the user reaches step 6, auto-setup
// (and libsodium with it) only on steps 7–8.
const GenerateStep = lazy(() =>
  import('./generate-step').then((module) => ({ default: module.GenerateStep })),
);
const CreateOnGitHubStep = lazy(() =>
  import('../../setup/components/create-on-github-step').then((module) => ({
    default: module.CreateOnGitHubStep,
  })),
);
const SetupProgressStep = lazy(() =>
  import('../../setup/components/setup-progress-step').then((module) => ({
    default: module.SetupProgressStep,
  })),
);

const INTROS: Record<string, string> = {
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

/** The eight-step build wizard; steps 7 and 8 wait for sign-in. */
export function Wizard() {
  const me = useMe();
  const { href } = useLocation();
  const user = me.data?.user;
  const signedIn = Boolean(user);
  const maxStep = maxStepFor(signedIn);
  const { state: stored, edit, next, back, goTo, reset } = useWizard(maxStep);
  // Steps 7–8 are remembered, but shown only to a signed-in user.
  const state = { ...stored, step: Math.min(stored.step, maxStep) };
  const { config, step } = state;
  const info = WIZARD_STEPS.find((candidate) => candidate.number === step) ?? WIZARD_STEPS[0];
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

  // Until we know who is signed in, a stored step 7–8 would flash step 6.
  if (me.isPending && stored.step > LAST_ANONYMOUS_STEP) {
    return <p className="text-sm text-slate-500">Loading…</p>;
  }

  let body: ReactNode;
  const stepProps = { config, onChange: edit, issues };
  switch (info?.id) {
    case 'platform':
      body = <PlatformStep {...stepProps} />;
      break;
    case 'priorities':
      body = <PrioritiesStep {...stepProps} />;
      break;
    case 'features':
      body = <FeaturesStep {...stepProps} />;
      break;
    case 'configuration':
      body = <ConfigurationStep {...stepProps} />;
      break;
    case 'review':
      body = <ReviewStep config={config} issues={issues} onGoToStep={goTo} />;
      break;
    case 'auto-setup':
      body = user && <CreateOnGitHubStep config={config} login={user.login} onStarted={next} />;
      break;
    case 'complete':
      body = <SetupProgressStep runId={loadSetupRunId()} onBack={back} />;
      break;
    default:
      body = <GenerateStep config={config} onGoToStep={goTo} />;
  }

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
                if (window.confirm('Start over? Every choice in the wizard will be reset.')) {
                  // The run goes on at GitHub; the dashboard still has it.
                  saveSetupRunId(null);
                  reset();
                }
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
          <p className="mt-1 text-slate-600">{info && INTROS[info.id]}</p>
        </header>

        <ErrorBoundary key={step} label={`the ${info?.title ?? ''} step`}>
          <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>{body}</Suspense>
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
