import {
  type BuildConfig,
  type PreflightResult,
  REPO_VISIBILITIES,
  type RepoTarget,
  type RepoVisibility,
  repoTargetSchema,
} from '@botsmith/shared';
import { TRPCClientError } from '@trpc/client';
import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Section } from '../../../components/ui/card';
import { controlClass, Field } from '../../../components/ui/field';
import { toast } from '../../../components/ui/toast';
import { usePreview } from '../../../lib/use-preview';
import { usePreflight, useSaveDraft, useStartSetup } from '../api/use-setup';
import { markValuesOffered, providedValues, useRuntimeValues } from '../state/runtime-values';
import { PreflightChecks } from './preflight-checks';
import { RuntimeConfigSection } from './runtime-config-section';

function fieldErrors(target: RepoTarget): Partial<Record<keyof RepoTarget, string[]>> {
  const parsed = repoTargetSchema.safeParse(target);
  if (parsed.success) return {};
  const errors: Partial<Record<keyof RepoTarget, string[]>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof RepoTarget;
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

const errorMessage = (error: unknown) =>
  error instanceof TRPCClientError || error instanceof Error ? error.message : null;

/**
 * Step 7: where the repository goes, the values of the runtime ledger (secrets kept in memory
 * only and sealed in the browser on step 8, plain values sent with the start), the preflight
 * checks, then the start of the setup.
 */
export function CreateOnGitHubStep({
  config,
  login,
  onStarted,
}: {
  config: BuildConfig;
  login: string;
  onStarted: (runId: string) => void;
}) {
  const [target, setTarget] = useState<RepoTarget>({
    owner: login,
    name: config.project.name,
    visibility: 'private',
  });
  const [checked, setChecked] = useState<{ key: string; result: PreflightResult } | null>(null);
  const [projectId, setProjectId] = useState<string | undefined>(undefined);
  const { preview } = usePreview(config);
  const ledger = useMemo(() => (preview.ok ? preview.ledger : []), [preview]);
  const values = useRuntimeValues();
  const provided = useMemo(() => providedValues(ledger, values), [ledger, values]);
  useEffect(() => markValuesOffered(), []);
  const preflight = usePreflight();
  const start = useStartSetup();
  const saveDraft = useSaveDraft();
  const errors = fieldErrors(target);
  const valid = Object.keys(errors).length === 0;
  // A check result only counts for the exact target and values it was run for.
  const key = JSON.stringify({ target, provided });
  const current = checked?.key === key ? checked.result : null;

  const update = (change: Partial<RepoTarget>) => setTarget((value) => ({ ...value, ...change }));

  const runChecks = () =>
    preflight.mutate(
      { target, config, provided },
      { onSuccess: (result) => setChecked({ key, result }) },
    );

  const create = () => {
    if (!current) return;
    start.mutate(
      { target, config, plan: current.plan, projectId, variables: provided.variables },
      {
        onSuccess: ({ runId }) => onStarted(runId),
      },
    );
  };

  const draft = () =>
    saveDraft.mutate(
      { projectId, name: config.project.name, config },
      {
        onSuccess: (project) => {
          setProjectId(project.id);
          toast({ tone: 'success', title: `Saved ${project.name} as a draft` });
        },
      },
    );

  if (!preview.ok) {
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
        The configuration has problems: go back to the review step and fix them first.
      </p>
    );
  }

  return (
    <div className="grid gap-5">
      <Section
        title="Repository"
        description="Botsmith creates it with your GitHub account, commits the generated files in one commit and connects it to your dashboard."
      >
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <Field
            label="Owner"
            hint="Your login, or an organisation you can create repositories in."
            errors={errors.owner}
          >
            {(props) => (
              <input
                {...props}
                className={controlClass}
                value={target.owner}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => update({ owner: event.target.value.trim() })}
              />
            )}
          </Field>
          <Field label="Repository name" errors={errors.name}>
            {(props) => (
              <input
                {...props}
                className={controlClass}
                value={target.name}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => update({ name: event.target.value.trim() })}
              />
            )}
          </Field>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Visibility</legend>
          <div className="mt-2 flex gap-4">
            {REPO_VISIBILITIES.map((visibility: RepoVisibility) => (
              <label key={visibility} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="visibility"
                  value={visibility}
                  checked={target.visibility === visibility}
                  onChange={() => update({ visibility })}
                />
                {visibility === 'private' ? 'Private' : 'Public'}
              </label>
            ))}
          </div>
        </fieldset>
      </Section>

      <RuntimeConfigSection ledger={ledger} values={values} provided={provided} />

      <Section
        title="Checks"
        description="Before touching GitHub, Botsmith checks your token, the name, your rights and that the first deploy has the values it needs."
      >
        {current ? (
          <PreflightChecks checks={current.checks} />
        ) : (
          <p className="text-sm text-slate-500">
            {checked ? 'The target or the values changed: run the checks again.' : 'Not run yet.'}
          </p>
        )}
        {preflight.error && (
          <p role="alert" className="text-sm font-medium text-red-700">
            The checks could not run: {errorMessage(preflight.error)}
          </p>
        )}
        {start.error && (
          <p role="alert" className="text-sm font-medium text-red-700">
            The setup could not start: {errorMessage(start.error)}
          </p>
        )}
        {saveDraft.error && (
          <p role="alert" className="text-sm font-medium text-red-700">
            The draft was not saved: {errorMessage(saveDraft.error)}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <Button onClick={runChecks} disabled={!valid || preflight.isPending}>
            {preflight.isPending ? 'Checking…' : 'Run checks'}
          </Button>
          <Button
            variant="primary"
            onClick={create}
            disabled={!current?.ok || start.isPending}
            aria-describedby={current?.ok ? undefined : 'create-repo-hint'}
          >
            {start.isPending ? 'Starting…' : 'Create repository'}
          </Button>
          <Button variant="ghost" onClick={draft} disabled={saveDraft.isPending}>
            {saveDraft.isPending ? 'Saving…' : 'Save as draft'}
          </Button>
        </div>
        {!current?.ok && (
          <p id="create-repo-hint" className="text-xs text-slate-500">
            “Create repository” is enabled once the checks ran with no failure.
          </p>
        )}
      </Section>
    </div>
  );
}
