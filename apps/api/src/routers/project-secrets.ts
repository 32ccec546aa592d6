import { listDeployments, type Project } from '@botsmith/db';
import {
  type LedgerEntry,
  ledgerValueProblem,
  PRODUCTION_ENVIRONMENT,
  type ProjectSecretsView,
  removeProjectValueInputSchema,
  setProjectSecretInputSchema,
  setProjectVariableInputSchema,
} from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import type { Octokit } from 'octokit';
import type { Audit } from '../activities/audit';
import { githubFailure, githubStatus } from '../github/github-errors';
import { octokitForUser } from '../github/octokit';
import {
  ensureProductionEnvironment,
  productionPublicKey,
  productionSecretNames,
  productionUpdatedAt,
  productionVariables,
  putProductionSecret,
  putProductionVariable,
  type RepoRef,
  removeProductionValue,
} from '../github/production-environment';
import { ledgerOfConfig, projectConfigOf } from '../projects/project-ledger';
import { router } from '../trpc/init';
import { projectProcedure } from '../trpc/resource-procedures';

/** The project's repository, or PRECONDITION_FAILED for a draft (nothing at GitHub yet). */
function repoOf(project: Project): RepoRef {
  const [owner, repo] = project.repoFullName?.split('/') ?? [];
  if (!owner || !repo) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message:
        'This project has no GitHub repository yet: finish the setup on GitHub before managing its secrets.',
    });
  }
  return { owner, repo };
}

function ledgerOf(project: Project): LedgerEntry[] {
  const config = projectConfigOf(project);
  if (!config) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'The project’s stored configuration is no longer valid.',
    });
  }
  return ledgerOfConfig(config);
}

/** The ledger entry `name`, which must be of `kind`; BAD_REQUEST otherwise. */
function entryOf(project: Project, name: string, kind?: 'secret' | 'variable'): LedgerEntry {
  const entry = ledgerOf(project).find((candidate) => candidate.name === name);
  if (!entry) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${name} is not a variable this project uses.`,
    });
  }
  if (kind === 'secret' && !entry.secret) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${name} is a plain variable, not a secret: set it with its value.`,
    });
  }
  if (kind === 'variable' && entry.secret) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${name} is a secret: seal it in the browser and set it as a secret.`,
    });
  }
  return entry;
}

/** Runs GitHub calls, turning GitHub's refusals into errors that say what happened. */
async function atGitHub<T>(doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof TRPCError) throw error;
    const status = githubStatus(error);
    if (status === 404) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `GitHub no longer has the repository (or you lost access to it) while ${doing}.`,
        cause: error,
      });
    }
    if (status === 422) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `GitHub refused ${doing}: the environment's key may have changed; reload the page and try again.`,
        cause: error,
      });
    }
    throw githubFailure(error, doing);
  }
}

/** What a value-setting procedure has: the caller's services, project and audit log. */
type ValueContext = Parameters<typeof octokitForUser>[0] & {
  user: { id: string };
  project: Project;
  audit: Audit;
};

/**
 * Sets `name` (a ledger entry of `kind`) in the production environment with `put`, creating
 * the environment if needed, audits the name (never the value) and reads GitHub's time.
 */
async function setValue(
  ctx: ValueContext,
  name: string,
  kind: 'secret' | 'variable',
  put: (octokit: Octokit, ref: RepoRef) => Promise<void>,
): Promise<{ name: string; updatedAt: string | null }> {
  const ref = repoOf(ctx.project);
  const entry = entryOf(ctx.project, name, kind);
  const octokit = await octokitForUser(ctx, ctx.user.id);
  const updatedAt = await atGitHub(`storing ${entry.name}`, async () => {
    await ensureProductionEnvironment(octokit, ref);
    await put(octokit, ref);
    return productionUpdatedAt(octokit, ref, entry.name, kind);
  });
  await ctx.audit(
    'secrets.set',
    { name: entry.name, kind, environment: PRODUCTION_ENVIRONMENT },
    { projectId: ctx.project.id },
  );
  return { name: entry.name, updatedAt };
}

/**
 * A project's runtime ledger and its values in the GitHub environment `production` (the
 * Secrets page). Secret values are sealed in the browser and never read back; plain values
 * are shown. Audit entries name what changed, never a value.
 */
export const projectSecretsRouter = router({
  /** The ledger with each name's state at GitHub (set or missing, updated at). */
  list: projectProcedure
    .meta({ permission: 'secrets:read' })
    .query(async ({ ctx }): Promise<ProjectSecretsView> => {
      const ref = repoOf(ctx.project);
      const ledger = ledgerOf(ctx.project);
      const octokit = await octokitForUser(ctx, ctx.user.id);
      const { secrets, variables } = await atGitHub(
        'reading the production environment',
        async () => {
          // A repository set up before environments existed has none yet: nothing is set.
          try {
            const [secrets, variables] = await Promise.all([
              productionSecretNames(octokit, ref),
              productionVariables(octokit, ref),
            ]);
            return { secrets, variables };
          } catch (error) {
            if (githubStatus(error) !== 404) throw error;
            return { secrets: new Map<string, string>(), variables: new Map() };
          }
        },
      );
      const successful = await listDeployments(ctx.db, ctx.user.id, {
        projectId: ctx.project.id,
        status: 'success',
        limit: 1,
      });
      const config = projectConfigOf(ctx.project);
      return {
        repo: `${ref.owner}/${ref.repo}`,
        environment: PRODUCTION_ENVIRONMENT,
        redeployable:
          config?.automation.deploy === true &&
          successful.items.some((deployment) => deployment.commitSha !== null),
        entries: ledger.map((entry) => {
          if (entry.secret) {
            const updatedAt = secrets.get(entry.name) ?? null;
            return { ...entry, state: updatedAt ? 'set' : 'missing', updatedAt, value: null };
          }
          const variable = variables.get(entry.name);
          return {
            ...entry,
            state: variable ? 'set' : 'missing',
            updatedAt: variable?.updatedAt ?? null,
            value: variable?.value ?? null,
          };
        }),
      };
    }),

  /** The production environment's public key to seal values with (created if missing). */
  publicKey: projectProcedure.meta({ permission: 'secrets:write' }).query(async ({ ctx }) => {
    const ref = repoOf(ctx.project);
    const octokit = await octokitForUser(ctx, ctx.user.id);
    return atGitHub('reading the production environment’s public key', async () => {
      await ensureProductionEnvironment(octokit, ref);
      return productionPublicKey(octokit, ref);
    });
  }),

  /** Sets or rotates a secret; the browser sealed it against `keyId`. */
  setSecret: projectProcedure
    .meta({ permission: 'secrets:write' })
    .input(setProjectSecretInputSchema)
    .mutation(({ ctx, input }) =>
      setValue(ctx, input.name, 'secret', (octokit, ref) =>
        putProductionSecret(octokit, ref, input),
      ),
    ),

  /** Sets a plain variable (created, or updated when it exists). */
  setVariable: projectProcedure
    .meta({ permission: 'secrets:write' })
    .input(setProjectVariableInputSchema)
    .mutation(({ ctx, input }) => {
      const problem = ledgerValueProblem(entryOf(ctx.project, input.name, 'variable'), input.value);
      if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
      return setValue(ctx, input.name, 'variable', (octokit, ref) =>
        putProductionVariable(octokit, ref, { name: input.name, value: input.value }),
      );
    }),

  /** Deletes a secret or variable; one GitHub does not hold counts as removed. */
  remove: projectProcedure
    .meta({ permission: 'secrets:write' })
    .input(removeProjectValueInputSchema)
    .mutation(async ({ ctx, input }) => {
      const ref = repoOf(ctx.project);
      const entry = entryOf(ctx.project, input.name);
      const kind = entry.secret ? 'secret' : 'variable';
      const octokit = await octokitForUser(ctx, ctx.user.id);
      // Missing (the value, or the whole environment) is a 404 there: nothing to remove.
      await atGitHub(`removing ${entry.name}`, () =>
        removeProductionValue(octokit, ref, entry.name, kind),
      );
      await ctx.audit(
        'secrets.removed',
        { name: entry.name, kind, environment: PRODUCTION_ENVIRONMENT },
        { projectId: ctx.project.id },
      );
      return { name: entry.name };
    }),
});
