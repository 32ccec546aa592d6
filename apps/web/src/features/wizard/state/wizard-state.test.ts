import { describe, expect, it } from 'vitest';
import {
  advance,
  defaultConfig,
  goBack,
  goToStep,
  initialWizardState,
  LAST_ANONYMOUS_STEP,
  LAST_STEP,
  loadWizardState,
  maxStepFor,
  openStep,
  parseStoredWizardState,
  STORAGE_KEY,
  saveWizardState,
  serializeWizardState,
  type WizardState,
} from './wizard-state';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

function stored(data: unknown) {
  return JSON.stringify(data);
}

describe('wizard state persistence', () => {
  it('upgrades a config an older wizard saved: Node 20 becomes 22, not the new default', () => {
    const storage = memoryStorage();
    storage.setItem(
      STORAGE_KEY,
      stored({
        version: 1,
        config: { schemaVersion: 1, platforms: ['cli'], runtime: { nodeVersion: '20' } },
        step: 4,
        furthestStep: 4,
      }),
    );
    const state = loadWizardState(storage);
    expect(state.config.runtime.nodeVersion).toBe('22');
    expect(state.config.platforms).toEqual(['cli']);
    expect(state.config.schemaVersion).toBe(defaultConfig().schemaVersion);
  });

  it('round-trips through storage', () => {
    const storage = memoryStorage();
    const state: WizardState = {
      config: { ...defaultConfig(), platforms: ['telegram', 'cli'] },
      step: 3,
      furthestStep: 4,
    };
    saveWizardState(storage, state);
    expect(storage.items.has(STORAGE_KEY)).toBe(true);
    expect(loadWizardState(storage)).toEqual(state);
  });

  it('starts fresh without stored data', () => {
    expect(loadWizardState(memoryStorage())).toEqual(initialWizardState());
    expect(loadWizardState(undefined)).toEqual(initialWizardState());
  });

  it.each([
    ['invalid JSON', '{"version":1,'],
    ['a primitive', '42'],
    ['null', 'null'],
    ['an array', '[]'],
    ['an unknown version', stored({ version: 99, step: 3, furthestStep: 3, config: {} })],
    ['no version', stored({ step: 3, config: { platforms: ['slack'] } })],
  ])('falls back to the defaults for %s', (_, raw) => {
    expect(parseStoredWizardState(raw)).toEqual(initialWizardState());
  });

  it('survives storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadWizardState(throwing)).toEqual(initialWizardState());
    expect(() => saveWizardState(throwing, initialWizardState())).not.toThrow();
  });

  it('fills fields missing from older data with defaults and drops unknown ones', () => {
    const state = parseStoredWizardState(
      stored({
        version: 1,
        step: 2,
        furthestStep: 2,
        config: { platforms: ['slack'], project: { name: 'old-bot', colour: 'red' }, legacy: 1 },
      }),
    );
    expect(state.config).toEqual({
      ...defaultConfig(),
      platforms: ['slack'],
      project: { ...defaultConfig().project, name: 'old-bot' },
    });
  });

  it('resets values of the wrong type and options that no longer exist', () => {
    const { config } = parseStoredWizardState(
      stored({
        version: 1,
        step: 1,
        furthestStep: 1,
        config: {
          schemaVersion: 0,
          platforms: ['discord', 'myspace', 7, 'discord'],
          priorities: 'security',
          features: ['ai', 'teleport'],
          ai: { provider: 'skynet', systemPrompt: 'Be brief.' },
          runtime: { nodeVersion: '16', packageManager: 'pnpm' },
          sessions: { store: 'redis', ttlSeconds: '3600' },
          automation: { ci: 'yes', codeql: true },
        },
      }),
    );
    const defaults = defaultConfig();
    expect(config.schemaVersion).toBe(defaults.schemaVersion);
    expect(config.platforms).toEqual(['discord']);
    expect(config.priorities).toEqual(defaults.priorities);
    expect(config.features).toEqual(['ai']);
    expect(config.ai).toEqual({ provider: 'none', systemPrompt: 'Be brief.' });
    expect(config.runtime).toEqual({
      nodeVersion: defaults.runtime.nodeVersion,
      packageManager: 'pnpm',
    });
    expect(config.sessions).toEqual({ store: 'redis', ttlSeconds: defaults.sessions.ttlSeconds });
    expect(config.automation).toEqual({ ...defaults.automation, codeql: true });
  });

  it('keeps values the user is still editing so the step can explain them', () => {
    const { config } = parseStoredWizardState(
      stored({
        version: 1,
        step: 4,
        furthestStep: 4,
        config: { platforms: [], project: { name: 'Not Valid!' }, sessions: { ttlSeconds: 5 } },
      }),
    );
    expect(config.platforms).toEqual([]);
    expect(config.project.name).toBe('Not Valid!');
    expect(config.sessions.ttlSeconds).toBe(5);
  });

  it('clamps steps to the wizard', () => {
    const raw = (step: unknown, furthestStep: unknown) =>
      stored({ version: 1, step, furthestStep, config: {} });
    expect(parseStoredWizardState(raw(8, 8))).toMatchObject({ step: 8, furthestStep: 8 });
    expect(parseStoredWizardState(raw(12, 12))).toMatchObject({
      step: LAST_STEP,
      furthestStep: LAST_STEP,
    });
    expect(parseStoredWizardState(raw(5, 2))).toMatchObject({ step: 2, furthestStep: 2 });
    expect(parseStoredWizardState(raw('3', 2.5))).toMatchObject({ step: 1, furthestStep: 1 });
    expect(parseStoredWizardState(raw(-4, 0))).toMatchObject({ step: 1, furthestStep: 1 });
  });

  it('serializes with its version', () => {
    expect(JSON.parse(serializeWizardState(initialWizardState()))).toMatchObject({ version: 1 });
  });
});

describe('step navigation', () => {
  it('advances, remembering the furthest step, and goes back', () => {
    let state = advance(advance(initialWizardState()));
    expect(state).toMatchObject({ step: 3, furthestStep: 3 });
    state = goBack(goBack(state));
    expect(state).toMatchObject({ step: 1, furthestStep: 3 });
    expect(goBack(state).step).toBe(1);
  });

  it('jumps only to steps already reached', () => {
    const state = { ...initialWizardState(), step: 2, furthestStep: 4 };
    expect(goToStep(state, 4).step).toBe(4);
    expect(goToStep(state, 1).step).toBe(1);
    expect(goToStep(state, 5)).toBe(state);
    expect(goToStep({ ...state, furthestStep: 8 }, 7).step).toBe(2);
  });

  it('never advances past the last anonymous step without sign-in', () => {
    const state = { ...initialWizardState(), step: LAST_ANONYMOUS_STEP, furthestStep: 6 };
    expect(advance(state).step).toBe(LAST_ANONYMOUS_STEP);
    expect(advance(state, maxStepFor(false)).step).toBe(LAST_ANONYMOUS_STEP);
  });

  it('opens the auto-setup steps once signed in', () => {
    const state = { ...initialWizardState(), step: LAST_ANONYMOUS_STEP, furthestStep: 6 };
    const signedIn = maxStepFor(true);
    expect(advance(state, signedIn)).toMatchObject({ step: 7, furthestStep: 7 });
    expect(advance({ ...state, step: 8, furthestStep: 8 }, signedIn).step).toBe(LAST_STEP);
    expect(goToStep({ ...state, furthestStep: 8 }, 7, signedIn).step).toBe(7);
  });

  it('opens a step not reached yet, as far as the user may go', () => {
    const state = { ...initialWizardState(), step: 3, furthestStep: 3 };
    expect(openStep(state, LAST_STEP, maxStepFor(true))).toMatchObject({
      step: LAST_STEP,
      furthestStep: LAST_STEP,
    });
    expect(openStep(state, LAST_STEP, maxStepFor(false))).toMatchObject({
      step: LAST_ANONYMOUS_STEP,
      furthestStep: LAST_ANONYMOUS_STEP,
    });
    expect(openStep({ ...state, furthestStep: 6 }, 2, maxStepFor(true))).toMatchObject({
      step: 2,
      furthestStep: 6,
    });
    expect(openStep(state, 3, maxStepFor(true))).toBe(state);
  });
});
