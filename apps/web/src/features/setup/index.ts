import { lazy } from 'react';

// Auto-setup's public entry: the wizard's steps 7 and 8. They load only when opened, and
// libsodium (sealing the secrets) with them.

/** Step 7: the target repository, its secrets and the preflight, then the start. */
export const CreateOnGitHubStep = lazy(() =>
  import('./components/create-on-github-step').then((module) => ({
    default: module.CreateOnGitHubStep,
  })),
);

/** Step 8: the setup run, followed live. */
export const SetupProgressStep = lazy(() =>
  import('./components/setup-progress-step').then((module) => ({
    default: module.SetupProgressStep,
  })),
);
