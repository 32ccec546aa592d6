import type { BuildConfig } from '@botsmith/shared';
import { useCallback, useEffect, useState } from 'react';
import {
  advance,
  goBack,
  goToStep,
  initialWizardState,
  loadWizardState,
  saveWizardState,
  type WizardState,
} from '../state/wizard-state';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Reading `localStorage` throws when the browser blocks storage for the site.
    return undefined;
  }
}

export type ConfigEdit = (config: BuildConfig) => BuildConfig;

/**
 * The wizard's state, restored from and saved to localStorage on every change. `maxStep` is
 * the furthest step the user may open (steps 7–8 need sign-in).
 */
export function useWizard(maxStep: number) {
  const [state, setState] = useState<WizardState>(() => loadWizardState(browserStorage()));

  useEffect(() => saveWizardState(browserStorage(), state), [state]);

  const edit = useCallback(
    (change: ConfigEdit) => setState((current) => ({ ...current, config: change(current.config) })),
    [],
  );
  const next = useCallback(() => setState((current) => advance(current, maxStep)), [maxStep]);
  const back = useCallback(() => setState(goBack), []);
  const goTo = useCallback(
    (step: number) => setState((current) => goToStep(current, step, maxStep)),
    [maxStep],
  );
  const reset = useCallback(() => setState(initialWizardState()), []);

  return { state, edit, next, back, goTo, reset };
}
