import { type BuildConfigInput, DEPLOY_TARGETS } from '@botsmith/shared';
import { DEPLOYABLE_MATRIX } from '../verify/matrix';

export type Target = Exclude<(typeof DEPLOY_TARGETS)[number], 'none'>;
export const TARGETS = DEPLOY_TARGETS.filter((target): target is Target => target !== 'none');

/** One config whose deploy workflow the ledger tests read. */
export interface DeployCase {
  name: string;
  target: Target;
  input: BuildConfigInput;
}

/**
 * Every deployable config of the verification matrix deployed to each target with the deploy workflow
 * on, plus each target with and without the health endpoint (the probe and rollback differ).
 */
export function deployCases(): DeployCase[] {
  const fromMatrix = DEPLOYABLE_MATRIX.flatMap((entry) =>
    TARGETS.map((target) => ({
      name: `${entry.name} on ${target}`,
      target,
      input: {
        ...entry.input,
        deploy: { target },
        automation: { ...entry.input.automation, deploy: true },
      },
    })),
  );
  const byHealth = TARGETS.flatMap((target) =>
    [true, false].map((health) => ({
      name: `${target} ${health ? 'with' : 'without'} the health endpoint`,
      target,
      input: {
        platforms: ['telegram', 'slack'],
        features: health ? ['commands', 'health'] : ['commands'],
        deploy: { target },
        automation: { deploy: true },
      } satisfies BuildConfigInput,
    })),
  );
  return [...fromMatrix, ...byHealth];
}
