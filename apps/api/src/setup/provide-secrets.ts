import {
  type Db,
  listSetupSteps,
  type SetupRun,
  setSetupRunStatus,
  transitionSetupStep,
  updateSetupStep,
} from '@botsmith/db';
import type { ProvideSecretsInput } from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import type { Octokit } from 'octokit';
import { PermanentGitHubError, withGitHubRetry } from './github-retry';
import type { SetupTimings } from './step-types';

/**
 * Stores secrets the browser sealed with the repository's public key (the server only ever
 * holds ciphertext), then marks the `secrets` step done so the run can continue. An empty
 * list skips the step. Claiming the step first makes two concurrent calls store once.
 */
export async function provideSecrets(
  deps: { db: Db; octokit: Octokit; timings: SetupTimings },
  run: SetupRun,
  input: { keyId: string; secrets: ProvideSecretsInput['secrets'] },
): Promise<void> {
  const step = (await listSetupSteps(deps.db, run.id)).find((row) => row.name === 'secrets');
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
  if (!(await transitionSetupStep(deps.db, run.id, 'secrets', ['waiting'], 'running'))) {
    throw new TRPCError({ code: 'CONFLICT', message: 'The secrets are already being stored.' });
  }
  const [owner = '', repo = ''] = String(
    (await listSetupSteps(deps.db, run.id)).find((row) => row.name === 'create_repo')?.output
      .fullName ?? '',
  ).split('/');
  try {
    for (const secret of input.secrets) {
      await withGitHubRetry(
        () =>
          deps.octokit.rest.actions.createOrUpdateRepoSecret({
            owner,
            repo,
            secret_name: secret.name,
            encrypted_value: secret.encryptedValue,
            key_id: input.keyId,
          }),
        {
          tries: deps.timings.tries,
          baseDelayMs: deps.timings.retryBaseDelayMs,
          maxDelayMs: 10_000,
        },
      );
    }
  } catch (error) {
    await updateSetupStep(deps.db, run.id, 'secrets', {
      status: 'waiting',
      message: `GitHub refused a secret: ${(error as Error).message}`,
    });
    throw new TRPCError({
      code: error instanceof PermanentGitHubError ? 'BAD_REQUEST' : 'SERVICE_UNAVAILABLE',
      message: `GitHub did not store the secrets: ${(error as Error).message}`,
      cause: error,
    });
  }
  const names = input.secrets.map((secret) => secret.name);
  const { key: _key, ...kept } = step.output;
  await updateSetupStep(deps.db, run.id, 'secrets', {
    status: input.secrets.length === 0 ? 'skipped' : 'succeeded',
    message: input.secrets.length === 0 ? 'No secrets given.' : `Stored ${names.join(', ')}.`,
    output: { ...kept, stored: names },
    completedAt: new Date(),
  });
  await setSetupRunStatus(deps.db, run.id, 'queued', { from: ['waiting'] });
}
