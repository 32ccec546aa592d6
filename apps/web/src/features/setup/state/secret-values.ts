import { useSyncExternalStore } from 'react';

// The secret values typed on step 7 live only in this module's memory: never in storage,
// never sent in clear (step 8 seals them in the browser). A reload forgets them on purpose.
let values: Readonly<Record<string, string>> = {};
/** Whether step 7's secret fields were shown in this tab: empty ones were left empty on purpose. */
let offered = false;
const listeners = new Set<() => void>();

export function markSecretsOffered(): void {
  offered = true;
}

/** After a reload the values are gone and the user has to be asked again. */
export function secretsWereOffered(): boolean {
  return offered;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSecretValue(name: string, value: string): void {
  values = { ...values, [name]: value };
  for (const listener of listeners) listener();
}

export function clearSecretValues(): void {
  values = {};
  offered = false;
  for (const listener of listeners) listener();
}

export function getSecretValues(): Readonly<Record<string, string>> {
  return values;
}

/** The values typed so far, re-rendering on change. */
export function useSecretValues(): Readonly<Record<string, string>> {
  return useSyncExternalStore(subscribe, getSecretValues);
}

/** The non-empty values among `names`, in that order, ready to seal. */
export function valuesToSeal(
  names: readonly string[],
  typed: Readonly<Record<string, string>>,
): { name: string; value: string }[] {
  return names.flatMap((name) => {
    const value = typed[name];
    return value ? [{ name, value }] : [];
  });
}
