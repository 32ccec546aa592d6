import {
  BUILD_CONFIG_SCHEMA_VERSION,
  type BuildConfig,
  buildConfigSchema,
  FEATURE_IDS,
  PLATFORM_IDS,
  PRIORITY_IDS,
  upgradeBuildConfig,
  WIZARD_STEPS,
} from '@botsmith/shared';

/** The localStorage key; bump the suffix together with `STATE_VERSION`. */
export const STORAGE_KEY = 'botsmith.wizard.v1';
const STATE_VERSION = 1;

/** The last step an anonymous user can reach; later steps need sign-in. */
export const LAST_ANONYMOUS_STEP = Math.max(
  ...WIZARD_STEPS.filter((step) => !step.requiresSignIn).map((step) => step.number),
);

/**
 * The wizard as the user left it. `config` always has the full `BuildConfig` shape but may
 * hold values the schema rejects (a half-typed project name): the steps validate it.
 */
export interface WizardState {
  config: BuildConfig;
  /** The step on screen. */
  step: number;
  /** The furthest step reached; the stepper lets the user jump back to any step up to it. */
  furthestStep: number;
}

export function defaultConfig(): BuildConfig {
  return buildConfigSchema.parse({});
}

export function initialWizardState(): WizardState {
  return { config: defaultConfig(), step: 1, furthestStep: 1 };
}

/** The last step of the wizard; steps after `LAST_ANONYMOUS_STEP` need sign-in. */
export const LAST_STEP = WIZARD_STEPS.length;

/** The furthest step a user may open: signed-out users stop at `LAST_ANONYMOUS_STEP`. */
export function maxStepFor(signedIn: boolean): number {
  return signedIn ? LAST_STEP : LAST_ANONYMOUS_STEP;
}

/** Moves to `step` if it has been reached before; otherwise nothing changes. */
export function goToStep(
  state: WizardState,
  step: number,
  maxStep: number = LAST_ANONYMOUS_STEP,
): WizardState {
  if (step < 1 || step > Math.min(state.furthestStep, maxStep)) return state;
  return { ...state, step };
}

/**
 * Opens `step` whether or not it was reached (a setup run followed from the dashboard), as
 * far as `maxStep`; the steps before it count as reached.
 */
export function openStep(state: WizardState, step: number, maxStep: number): WizardState {
  const opened = Math.min(Math.max(step, 1), maxStep);
  const furthestStep = Math.max(state.furthestStep, opened);
  if (opened === state.step && furthestStep === state.furthestStep) return state;
  return { ...state, step: opened, furthestStep };
}

/** Moves to the next step (the caller validated the current one). */
export function advance(state: WizardState, maxStep: number = LAST_ANONYMOUS_STEP): WizardState {
  const step = Math.min(state.step + 1, maxStep);
  return { ...state, step, furthestStep: Math.max(state.furthestStep, step) };
}

export function goBack(state: WizardState): WizardState {
  return { ...state, step: Math.max(1, state.step - 1) };
}

export function serializeWizardState(state: WizardState): string {
  return JSON.stringify({ version: STATE_VERSION, ...state });
}

/**
 * Restores a stored wizard. Anything unreadable — invalid JSON, another version, fields of
 * the wrong type, options that no longer exist — falls back to its default instead of
 * breaking the page, while values the user is still editing (an invalid project name) are
 * kept so the step can show what is wrong with them.
 */
export function parseStoredWizardState(raw: string | null): WizardState {
  if (raw === null) return initialWizardState();
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return initialWizardState();
  }
  if (!isRecord(data) || data.version !== STATE_VERSION) return initialWizardState();
  const furthestStep = stepNumber(data.furthestStep);
  return {
    config: restoreConfig(data.config),
    step: Math.min(stepNumber(data.step), furthestStep),
    furthestStep,
  };
}

/** Reads the wizard from storage; storage that throws (privacy modes) counts as empty. */
export function loadWizardState(storage: Pick<Storage, 'getItem'> | undefined): WizardState {
  try {
    return parseStoredWizardState(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return initialWizardState();
  }
}

/** Saves the wizard; a full or disabled storage only costs persistence, never the page. */
export function saveWizardState(
  storage: Pick<Storage, 'setItem'> | undefined,
  state: WizardState,
): void {
  try {
    storage?.setItem(STORAGE_KEY, serializeWizardState(state));
  } catch {
    // Quota exceeded or storage disabled: the wizard keeps working without persistence.
  }
}

// Steps 7–8 are stored too (a reload of step 8 resumes it); the wizard shows at most
// `maxStepFor(signedIn)`.
function stepNumber(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return 1;
  return Math.min(Math.max(value, 1), LAST_STEP);
}

/** Rebuilds a config from stored data, using the defaults as the template of its shape. */
export function restoreConfig(stored: unknown): BuildConfig {
  const defaults = defaultConfig();
  const config = mergeOnto(defaults, upgraded(stored)) as BuildConfig;
  config.schemaVersion = BUILD_CONFIG_SCHEMA_VERSION;
  config.platforms = knownIds(config.platforms, PLATFORM_IDS);
  config.priorities = knownIds(config.priorities, PRIORITY_IDS);
  config.features = knownIds(config.features, FEATURE_IDS);
  // A value of the right type can still be an option that no longer exists: reset those.
  const result = buildConfigSchema.safeParse(config);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code !== 'invalid_value' && issue.code !== 'invalid_type') continue;
      const path = issue.path.map(String);
      setIn(config, path, getIn(defaults, path));
    }
  }
  return config;
}

/**
 * A config saved by an older wizard, in today's shape (Node 20 became 22, say), the way the
 * server and the CLI read stored configs. One from a newer Botsmith is merged as it is.
 */
function upgraded(stored: unknown): unknown {
  try {
    return upgradeBuildConfig(stored).config;
  } catch {
    return stored;
  }
}

function mergeOnto(template: unknown, stored: unknown): unknown {
  if (Array.isArray(template)) {
    return Array.isArray(stored) ? stored.filter((item) => typeof item === 'string') : template;
  }
  if (isRecord(template)) {
    const source = isRecord(stored) ? stored : {};
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, mergeOnto(value, source[key])]),
    );
  }
  return typeof stored === typeof template ? stored : template;
}

function knownIds<T extends string>(list: readonly string[], ids: readonly T[]): T[] {
  const known = list.filter((item): item is T => (ids as readonly string[]).includes(item));
  return [...new Set(known)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getIn(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);
}

function setIn(target: unknown, path: readonly string[], value: unknown): void {
  const parent = getIn(target, path.slice(0, -1));
  const key = path.at(-1);
  if (isRecord(parent) && key !== undefined) parent[key] = value;
}
