import { describe, expect, it } from 'vitest';
import { WIZARD_STEP_IDS, WIZARD_STEPS } from './wizard';

describe('WIZARD_STEPS', () => {
  it('lists the steps in id order, numbered from 1', () => {
    expect(WIZARD_STEPS.map((step) => [step.number, step.id])).toEqual(
      WIZARD_STEP_IDS.map((id, index) => [index + 1, id]),
    );
  });

  it('asks for sign-in only from auto-setup on', () => {
    expect(WIZARD_STEPS.filter((step) => step.requiresSignIn).map((step) => step.id)).toEqual([
      'auto-setup',
      'complete',
    ]);
  });
});
