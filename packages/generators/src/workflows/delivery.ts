// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell parameter expansions are literal text here
import type { LedgerEntry } from '@botsmith/shared';
import { expression } from '../lib/yaml';
import type { Step } from './steps';

/**
 * Helpers the per-target delivery steps (deploy-targets.ts) share: the runtime ledger entries
 * reach the step only through `env:` (`secrets.NAME` for secrets, `vars.NAME` for plain
 * values of the `production` environment), and scripts read them by name, never echoing one.
 */

/** The env a delivery step maps every runtime entry through. */
function runtimeEnv(runtime: readonly LedgerEntry[]): Record<string, string> {
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
function collectRuntimeNames(runtime: readonly LedgerEntry[]): string[] {
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

/**
 * A delivery step: every runtime entry and the target's credentials through env, the names
 * checked and collected, then the target's own lines (which read `names`).
 */
export function deliveryStep(
  name: string,
  runtime: readonly LedgerEntry[],
  credentials: Record<string, string>,
  lines: readonly string[],
): Step {
  return {
    name,
    env: { ...runtimeEnv(runtime), ...credentials },
    run: [...collectRuntimeNames(runtime), ...lines].join('\n'),
  };
}

/** Lines that run `command` with a `NAME=value` argument per name, when there is one. */
export function withPairs(command: string): string[] {
  return [
    'pairs=()',
    'for name in "${names[@]}"; do pairs+=("$name=${!name}"); done',
    `if (( \${#pairs[@]} )); then ${command} "\${pairs[@]}"; fi`,
  ];
}
