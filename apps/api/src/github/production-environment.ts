import { PRODUCTION_ENVIRONMENT } from '@botsmith/shared';
import type { Octokit } from 'octokit';
import { githubStatus } from './github-errors';

// The `production` environment's secrets and variables at GitHub, as setup and the Secrets
// page read and write them. Every ledger value lives there (secrets sealed in the browser,
// plain values as variables); nothing here ever sees a secret's value.

/** A repository named the way Octokit's calls take it. */
export interface RepoRef {
  owner: string;
  repo: string;
}

const environment = (ref: RepoRef) => ({ ...ref, environment_name: PRODUCTION_ENVIRONMENT });

/** Whether the environment exists; any failure but a 404 throws. */
export async function environmentExists(octokit: Octokit, ref: RepoRef): Promise<boolean> {
  try {
    await octokit.rest.repos.getEnvironment(environment(ref));
    return true;
  } catch (error) {
    if (githubStatus(error) === 404) return false;
    throw error;
  }
}

/** Creates the environment without protection rules when it does not exist yet. */
export async function ensureProductionEnvironment(octokit: Octokit, ref: RepoRef): Promise<void> {
  if (await environmentExists(octokit, ref)) return;
  await octokit.rest.repos.createOrUpdateEnvironment(environment(ref));
}

/** The environment's sealed-box public key (each environment has its own). */
export async function productionPublicKey(
  octokit: Octokit,
  ref: RepoRef,
): Promise<{ keyId: string; key: string }> {
  const { data } = await octokit.rest.actions.getEnvironmentPublicKey(environment(ref));
  return { keyId: data.key_id, key: data.key };
}

/** Every secret name the environment holds, with GitHub's `updated_at` (all pages). */
export async function productionSecretNames(
  octokit: Octokit,
  ref: RepoRef,
): Promise<Map<string, string>> {
  const secrets = await octokit.paginate(octokit.rest.actions.listEnvironmentSecrets, {
    ...environment(ref),
    per_page: 100,
  });
  return new Map(secrets.map((s) => [s.name, s.updated_at]));
}

/** Every variable of the environment with its value and `updated_at` (all pages). */
export async function productionVariables(
  octokit: Octokit,
  ref: RepoRef,
): Promise<Map<string, { value: string; updatedAt: string }>> {
  const variables = await octokit.paginate(octokit.rest.actions.listEnvironmentVariables, {
    ...environment(ref),
    per_page: 30,
  });
  return new Map(variables.map((v) => [v.name, { value: v.value, updatedAt: v.updated_at }]));
}

/** Stores a value the browser sealed against `keyId` as an environment secret. */
export async function putProductionSecret(
  octokit: Octokit,
  ref: RepoRef,
  secret: { name: string; keyId: string; encryptedValue: string },
): Promise<void> {
  await octokit.rest.actions.createOrUpdateEnvironmentSecret({
    ...environment(ref),
    secret_name: secret.name,
    encrypted_value: secret.encryptedValue,
    key_id: secret.keyId,
  });
}

/** Sets an environment variable: creates it, or updates it when it exists (409). */
export async function putProductionVariable(
  octokit: Octokit,
  ref: RepoRef,
  variable: { name: string; value: string },
): Promise<void> {
  try {
    await octokit.rest.actions.createEnvironmentVariable({ ...environment(ref), ...variable });
  } catch (error) {
    if (githubStatus(error) !== 409) throw error;
    await octokit.rest.actions.updateEnvironmentVariable({ ...environment(ref), ...variable });
  }
}

/** When GitHub last saw the secret or variable `name` change, or null when it has none. */
export async function productionUpdatedAt(
  octokit: Octokit,
  ref: RepoRef,
  name: string,
  kind: 'secret' | 'variable',
): Promise<string | null> {
  try {
    const { data } =
      kind === 'secret'
        ? await octokit.rest.actions.getEnvironmentSecret({
            ...environment(ref),
            secret_name: name,
          })
        : await octokit.rest.actions.getEnvironmentVariable({ ...environment(ref), name });
    return data.updated_at;
  } catch (error) {
    if (githubStatus(error) === 404) return null;
    throw error;
  }
}

/** Deletes a secret or variable; one that is not there (404) counts as deleted. */
export async function removeProductionValue(
  octokit: Octokit,
  ref: RepoRef,
  name: string,
  kind: 'secret' | 'variable',
): Promise<void> {
  try {
    if (kind === 'secret') {
      await octokit.rest.actions.deleteEnvironmentSecret({
        ...environment(ref),
        secret_name: name,
      });
    } else {
      await octokit.rest.actions.deleteEnvironmentVariable({ ...environment(ref), name });
    }
  } catch (error) {
    if (githubStatus(error) !== 404) throw error;
  }
}
