import { useMe } from '../features/auth';
import { LAST_ANONYMOUS_STEP, useWizard, Wizard } from '../features/wizard';
import { useSetupRunAddress } from './use-setup-run-address';
import { WIZARD_STEP_REGISTRY } from './wizard-step-registry';

/** `/`: the wizard with all eight steps; the setup run of step 8 comes from the address. */
export function WizardPage() {
  const me = useMe();
  const signedIn = Boolean(me.data?.user);
  const wizard = useWizard(signedIn);
  const runId = useSetupRunAddress(wizard, signedIn);

  // Until we know who is signed in, a step 7–8 (stored or in the address) would flash step 6.
  if (me.isPending && (wizard.storedStep > LAST_ANONYMOUS_STEP || runId)) {
    return <p className="text-sm text-slate-500">Loading…</p>;
  }
  return <Wizard wizard={wizard} steps={WIZARD_STEP_REGISTRY} signedIn={signedIn} />;
}
