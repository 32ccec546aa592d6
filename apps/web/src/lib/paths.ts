import { setupRunIdSchema } from '@botsmith/shared';

// The addresses features link to one another by: a feature never imports another to get
// there, it links to the page.

/** The query parameter holding the setup run that the wizard's last step shows. */
const SETUP_RUN_PARAM = 'run';

/** The wizard's last step, following setup run `runId` (a reload resumes it). */
export function setupRunPath(runId: string): string {
  return `/?${new URLSearchParams({ [SETUP_RUN_PARAM]: runId })}`;
}

/** The setup run named in the address, or `null` when there is none (or not a run id). */
export function setupRunIdFrom(search: URLSearchParams): string | null {
  const parsed = setupRunIdSchema.safeParse({ runId: search.get(SETUP_RUN_PARAM) });
  return parsed.success ? parsed.data.runId : null;
}

const PROJECT_PATH = /^\/dashboard\/projects\/([0-9a-f-]{36})$/i;

/** A project's dashboard page. */
export function projectPath(projectId: string): string {
  return `/dashboard/projects/${projectId}`;
}

/** The project whose dashboard page `pathname` is, or `null`. */
export function projectIdFrom(pathname: string): string | null {
  return PROJECT_PATH.exec(pathname)?.[1] ?? null;
}

const PROJECT_SECRETS_PATH = /^\/dashboard\/projects\/([0-9a-f-]{36})\/secrets$/i;

/** A project's secrets page: the ledger's values on GitHub, set, rotated or deleted there. */
export function projectSecretsPath(projectId: string): string {
  return `${projectPath(projectId)}/secrets`;
}

/** The project whose secrets page `pathname` is, or `null`. */
export function projectSecretsIdFrom(pathname: string): string | null {
  return PROJECT_SECRETS_PATH.exec(pathname)?.[1] ?? null;
}
