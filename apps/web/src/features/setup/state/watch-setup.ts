import { navigate } from '../../../lib/router';
import { LAST_STEP, loadWizardState, saveWizardState } from '../../wizard/state/wizard-state';
import { saveSetupRunId } from './setup-run-storage';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Opens the wizard's step 8 on `runId` (from the dashboard, for a run started earlier). */
export function watchSetupInWizard(runId: string): void {
  saveSetupRunId(runId);
  const state = loadWizardState(storage());
  saveWizardState(storage(), { ...state, step: LAST_STEP, furthestStep: LAST_STEP });
  navigate('/');
}
