import { useMe } from '../features/auth';
import { CreateOnGitHubStep, SetupProgressStep } from '../features/setup';
import { BUILD_STEPS, type WizardStepProps, type WizardStepRegistry } from '../features/wizard';
import { setupRunIdFrom, setupRunPath } from '../lib/paths';
import { navigate, useLocation } from '../lib/router';

/** Step 7 for the signed-in user; the run it starts goes into the address (step 8 follows). */
function AutoSetupStep({ config }: WizardStepProps) {
  const login = useMe().data?.user.login;
  if (!login) return null;
  return (
    <CreateOnGitHubStep
      config={config}
      login={login}
      // Replaced, not pushed: the browser's back button leaves the wizard, as before the run.
      onStarted={(runId) => navigate(setupRunPath(runId), { replace: true })}
    />
  );
}

/** Step 8 on the run named in the address. */
function CompleteStep({ back }: WizardStepProps) {
  const { search } = useLocation();
  return <SetupProgressStep runId={setupRunIdFrom(search)} onBack={back} />;
}

/** Every wizard step: 1–6 from the wizard, 7–8 from auto-setup. */
export const WIZARD_STEP_REGISTRY: WizardStepRegistry = {
  ...BUILD_STEPS,
  'auto-setup': AutoSetupStep,
  complete: CompleteStep,
};
