import { useEffect, useRef } from 'react';
import { LAST_STEP, type WizardControls } from '../features/wizard';
import { setupRunIdFrom } from '../lib/paths';
import { navigate, useLocation } from '../lib/router';

/**
 * The setup run the wizard's last step follows lives in the address (`/?run=<id>`): a reload
 * resumes it and the dashboard links to it. An address with a run opens the last step once
 * signed in; leaving the last step (back, the stepper, start over) takes the run out again.
 */
export function useSetupRunAddress(wizard: WizardControls, signedIn: boolean): string | null {
  const { search } = useLocation();
  const runId = setupRunIdFrom(search);
  const { open } = wizard;
  const { step } = wizard.state;

  useEffect(() => {
    if (runId && signedIn) open(LAST_STEP);
  }, [runId, signedIn, open]);

  const previousStep = useRef(step);
  useEffect(() => {
    const left = previousStep.current === LAST_STEP && step !== LAST_STEP;
    previousStep.current = step;
    if (left && runId) navigate('/', { replace: true });
  }, [step, runId]);

  return runId;
}
