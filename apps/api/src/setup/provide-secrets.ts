import {
  type Db,
  listSetupSteps,
  type SetupRun,
  setSetupRunStatus,
  transitionSetupStep,
} from '@botsmith/db';
import type { ProvideSecretsInput } from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import type { JobQueue } from '../jobs/job-queue';
import { enqueueSetupRun } from './setup-queue';

/**
 * Hands the secrets the browser sealed with the repository's public key (the server only
 * ever holds ciphertext) to the run: the `github:secrets:store` step keeps them in its
 * saved state and the run is queued, all in one transaction; the worker then stores them at
 * GitHub under its lease. A crash at any point leaves either a waiting step (nothing was
 * taken) or a queued run that still has the sealed values, which the sweep resumes. An empty
 * list skips the step.
 */
export async function provideSecrets(
  deps: { db: Db; queue: JobQueue | null },
  run: SetupRun,
  input: { keyId: string; secrets: ProvideSecretsInput['secrets'] },
): Promise<void> {
  const step = (await listSetupSteps(deps.db, run.id)).find(
    (row) => row.name === 'github:secrets:store',
  );
  if (run.status !== 'waiting' || step?.status !== 'waiting') {
    throw new TRPCError({ code: 'CONFLICT', message: 'This setup is not waiting for secrets.' });
  }
  if (input.secrets.length > 0 && input.keyId !== step.output.keyId) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'The secrets were sealed with another key; reload and try again.',
    });
  }
  const planned = new Set(Array.isArray(step.output.names) ? step.output.names.map(String) : []);
  const unknown = input.secrets.filter((secret) => !planned.has(secret.name)).map((s) => s.name);
  if (unknown.length > 0) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `This setup does not use ${unknown.join(', ')}.`,
    });
  }
  // The public key is only for the browser; the step keeps its id to store the values with.
  const { key: _key, ...kept } = step.output;
  const skip = input.secrets.length === 0;
  await deps.db.transaction().execute(async (trx) => {
    const claimed = await transitionSetupStep(
      trx,
      run.id,
      'github:secrets:store',
      ['waiting'],
      skip
        ? {
            status: 'skipped',
            message: 'No secrets given.',
            output: { ...kept, stored: [] },
            completedAt: new Date(),
          }
        : {
            status: 'pending',
            message: `Storing ${input.secrets.map((secret) => secret.name).join(', ')}.`,
            output: { ...kept, sealed: input.secrets },
          },
    );
    if (!claimed || !(await setSetupRunStatus(trx, run.id, 'queued', { from: ['waiting'] }))) {
      throw new TRPCError({ code: 'CONFLICT', message: 'The secrets were already provided.' });
    }
    // Without a queue (some tests) the run stays queued; a worker process's sweep takes it.
    if (deps.queue) await enqueueSetupRun(deps.queue, run.id, { trx });
  });
}
