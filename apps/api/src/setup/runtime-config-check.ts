import {
  type BuildConfig,
  groupLedger,
  type LedgerEntry,
  ledgerValueProblem,
  missingRequired,
  type PreflightCheck,
} from '@botsmith/shared';

/** What step 7 holds values for: the secrets it will seal, the plain values typed. */
export interface ProvidedValues {
  secrets: readonly string[];
  variables: Readonly<Record<string, string>>;
}

const TITLE = 'Runtime configuration';

/** Whether the project has the deploy workflow, which runs the bot on its host after CI. */
export function deploysAutomatically(config: BuildConfig): boolean {
  return config.automation.deploy && config.deploy.target !== 'none';
}

function listNames(missing: readonly LedgerEntry[]): string {
  if (missing.length === 1) return `${missing[0]?.name} is not set.`;
  const groups = groupLedger(missing).map(
    (group) => `${group.label}: ${group.entries.map((entry) => entry.name).join(', ')}`,
  );
  return `these are not set — ${groups.join('; ')}.`;
}

function helpLinks(missing: readonly LedgerEntry[]): string {
  const links = missing.filter((entry) => entry.helpUrl);
  if (links.length === 0) return '';
  if (missing.length === 1) return ` (${links[0]?.helpUrl})`;
  return ` (${links.map((entry) => `${entry.name}: ${entry.helpUrl}`).join('; ')})`;
}

/**
 * The `runtime_config` check: every required ledger name has a value. With the deploy
 * workflow a missing one fails (the first deploy would fail); without it the bot is deployed
 * by hand later, so it only warns. Names with an empty value count as missing. Pure.
 */
export function runtimeConfigCheck(
  ledger: readonly LedgerEntry[],
  provided: ProvidedValues,
  deploys: boolean,
): PreflightCheck {
  const given = new Set([
    ...provided.secrets,
    ...Object.entries(provided.variables)
      .filter(([, value]) => value !== '')
      .map(([name]) => name),
  ]);
  // A malformed value fails whether or not the project deploys: it is wrong wherever it goes.
  const problems = ledger.flatMap((entry) => {
    const value = entry.secret ? undefined : provided.variables[entry.name];
    const problem = value === undefined ? null : ledgerValueProblem(entry, value);
    return problem ? [problem] : [];
  });
  if (problems.length > 0) {
    return {
      id: 'runtime_config',
      status: 'fail',
      title: TITLE,
      reason: problems.join(' '),
      fix: 'Correct the value in step 7.',
    };
  }
  const missing = missingRequired(ledger, given);
  if (missing.length === 0) {
    return {
      id: 'runtime_config',
      status: 'pass',
      title: TITLE,
      reason:
        ledger.length > 0
          ? 'Every required variable has a value.'
          : 'The project needs no variables.',
    };
  }
  const it = missing.length === 1 ? 'it' : 'each';
  const them = missing.length === 1 ? 'it' : 'them';
  if (deploys) {
    return {
      id: 'runtime_config',
      status: 'fail',
      title: TITLE,
      reason: `The first deploy would fail: ${listNames(missing)}`,
      fix: `Type a value for ${it} in step 7${helpLinks(missing)}, or turn off automatic deploys and add ${them} later on the project's Secrets page.`,
    };
  }
  return {
    id: 'runtime_config',
    status: 'warn',
    title: TITLE,
    reason: `The bot will not start until ${missing.length === 1 ? 'it has' : 'they have'} a value: ${listNames(missing)}`,
    fix: `Type a value for ${it} in step 7${helpLinks(missing)}, or add ${them} later on the project's Secrets page.`,
  };
}

/** The check for a config, from its generated ledger. */
export function runtimeConfigCheckFor(
  config: BuildConfig,
  ledger: readonly LedgerEntry[],
  provided: ProvidedValues,
): PreflightCheck {
  return runtimeConfigCheck(ledger, provided, deploysAutomatically(config));
}
