import type { LedgerEntry } from '@botsmith/shared';
import { useSyncExternalStore } from 'react';

// The values typed on step 7 live only in this module's memory: never in storage. Plain
// values go to the setup's start as Actions variables; secret values are never sent in clear
// (step 8 seals them in the browser). A reload forgets them on purpose.
let values: Readonly<Record<string, string>> = {};
/** Whether step 7's fields were shown in this tab: empty ones were left empty on purpose. */
let offered = false;
const listeners = new Set<() => void>();

export function markValuesOffered(): void {
  offered = true;
}

/** After a reload the values are gone and the user has to be asked again. */
export function valuesWereOffered(): boolean {
  return offered;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setRuntimeValue(name: string, value: string): void {
  values = { ...values, [name]: value };
  for (const listener of listeners) listener();
}

export function clearRuntimeValues(): void {
  values = {};
  offered = false;
  for (const listener of listeners) listener();
}

export function getRuntimeValues(): Readonly<Record<string, string>> {
  return values;
}

/** The values typed so far, re-rendering on change. */
export function useRuntimeValues(): Readonly<Record<string, string>> {
  return useSyncExternalStore(subscribe, getRuntimeValues);
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

/**
 * What step 7 tells the preflight and the start: the names of the secrets given a value (the
 * values themselves stay here until sealed) and the plain values, for the ledger's names only.
 */
export interface ProvidedValues {
  secrets: string[];
  variables: Record<string, string>;
}

export function providedValues(
  ledger: readonly LedgerEntry[],
  typed: Readonly<Record<string, string>>,
): ProvidedValues {
  const provided: ProvidedValues = { secrets: [], variables: {} };
  for (const entry of ledger) {
    const value = typed[entry.name];
    if (!value) continue;
    if (entry.secret) provided.secrets.push(entry.name);
    else provided.variables[entry.name] = value;
  }
  return provided;
}

/** Every name that has a value, secret or plain. */
export function providedNames(provided: ProvidedValues): Set<string> {
  return new Set([...provided.secrets, ...Object.keys(provided.variables)]);
}
