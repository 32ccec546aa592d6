import { WIZARD_STEPS } from '@botsmith/shared';
import { expect, test } from 'vitest';
import { WIZARD_STEP_IDS } from './wizard-step-ids';

test('the step ids are those of WIZARD_STEPS, in order', () => {
  expect(WIZARD_STEP_IDS).toEqual(WIZARD_STEPS.map((step) => step.id));
});
