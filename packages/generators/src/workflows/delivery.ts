// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell parameter expansions are literal text here
import type { LedgerEntry } from '@botsmith/shared';
import { expression } from '../lib/yaml';

/**
 * Helpers the per-target delivery steps (deploy-targets.ts) share: the runtime ledger entries
 * reach the step only through `env:` (`secrets.NAME` for secrets, `vars.NAME` for plain
 * values of the `production` environment), and scripts read them by name, never echoing one.
 */

/** The env a delivery step maps every runtime entry through. */
export function runtimeEnv(runtime: readonly LedgerEntry[]): Record<string, string> {
  return Object.fromEntries(
    runtime.map((entry) => [
      entry.name,
      expression(`${entry.secret ? 'secrets' : 'vars'}.${entry.name}`),
    ]),
  );
}

/**
 * The start of every delivery script: a required name without a value fails the step with an
 * error naming it (and where it belongs); `names` then holds every name that has a value, so
 * an optional empty one is skipped and keeps whatever the host already has.
 */
export function collectRuntimeNames(runtime: readonly LedgerEntry[]): string[] {
  const required = runtime.filter((entry) => entry.required);
  return [
    'set -o pipefail',
    ...(required.length > 0
      ? [
          'missing=0',
          ...required.map(
            (entry) =>
              `if [[ -z "\${${entry.name}:-}" ]]; then echo "::error::${entry.name} is not set: add it to the production environment as ${entry.secret ? 'a secret' : 'a variable'}."; missing=1; fi`,
          ),
          'if (( missing )); then exit 1; fi',
        ]
      : []),
    'names=()',
    ...(runtime.length > 0
      ? [
          `for name in ${runtime.map((entry) => entry.name).join(' ')}; do`,
          '  if [[ -n "${!name:-}" ]]; then names+=("$name"); fi',
          'done',
        ]
      : []),
  ];
}

/** `NAME=value` arguments for CLIs that take them (flyctl, the Railway CLI), from `names`. */
export const PAIRS_FROM_NAMES = [
  'pairs=()',
  'for name in "${names[@]}"; do pairs+=("$name=${!name}"); done',
];
