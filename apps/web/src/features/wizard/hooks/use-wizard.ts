import type { BuildConfig } from '@botsmith/shared';
import { useCallback, useEffect, useState } from 'react';
import {
  advance,
  goBack,
  goToStep,
  initialWizardState,
  loadWizardState,
  maxStepFor,
  openStep,
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
 * The wizard's state, restored from and saved to localStorage on every change. Steps 7–8
 * are remembered but shown only to a signed-in user: `state.step` is the step on screen,
 * `storedStep` the one remembered.
 */
export function useWizard(signedIn: boolean) {
  const maxStep = maxStepFor(signedIn);
  const [stored, setState] = useState<WizardState>(() => loadWizardState(browserStorage()));

  useEffect(() => saveWizardState(browserStorage(), stored), [stored]);

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
  const open = useCallback(
    (step: number) => setState((current) => openStep(current, step, maxStep)),
    [maxStep],
  );
  const reset = useCallback(() => setState(initialWizardState()), []);

  const state = { ...stored, step: Math.min(stored.step, maxStep) };
  return { state, storedStep: stored.step, edit, next, back, goTo, open, reset };
}

/** The wizard's state and what moves it, as `useWizard` returns them. */
export type WizardControls = ReturnType<typeof useWizard>;
