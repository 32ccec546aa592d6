import { parse } from 'yaml';
import { blobsByPath, getBlob, getCommit } from '../git/database';
import { type EmulatorState, nextId, type Repo } from '../state';

/** A job as declared in a workflow file. */
export interface DeclaredJob {
  key: string;
  name: string;
  needs: string[];
  environment: string | null;
  steps: string[];
}

/** A workflow file on the default branch, with its stable id. */
export interface Workflow {
  id: number;
  path: string;
  name: string;
  triggers: string[];
  /** Inputs declared under `on.workflow_dispatch.inputs`. */
  dispatchInputs: { name: string; required: boolean; hasDefault: boolean }[];
  /** Workflow names listed under `on.workflow_run.workflows`. */
  afterWorkflows: string[];
  jobs: DeclaredJob[];
}

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/** True for paths Actions reads workflows from (the ones the `workflow` scope guards). */
export function isWorkflowPath(path: string): boolean {
  return path.startsWith('.github/workflows/');
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function triggersOf(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((t): t is string => typeof t === 'string');
  return Object.keys(asRecord(on));
}

function dispatchInputsOf(on: unknown): Workflow['dispatchInputs'] {
  const inputs = asRecord(asRecord(asRecord(on).workflow_dispatch).inputs);
  return Object.entries(inputs).map(([name, raw]) => {
    const input = asRecord(raw);
    return { name, required: input.required === true, hasDefault: input.default !== undefined };
  });
}

function afterWorkflowsOf(on: unknown): string[] {
  const workflows = asRecord(asRecord(on).workflow_run).workflows;
  return Array.isArray(workflows)
    ? workflows.filter((w): w is string => typeof w === 'string')
    : [];
}

function stepName(step: unknown, index: number): string {
  const record = asRecord(step);
  if (typeof record.name === 'string') return record.name;
  if (typeof record.uses === 'string') return `Run ${record.uses}`;
  if (typeof record.run === 'string') return `Run ${record.run.split('\n')[0]}`;
  return `Step ${index + 1}`;
}

function jobsOf(jobs: unknown): DeclaredJob[] {
  return Object.entries(asRecord(jobs)).map(([key, raw]) => {
    const job = asRecord(raw);
    const needs =
      typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs : [];
    const env = job.environment;
    const environment =
      typeof env === 'string'
        ? env
        : typeof asRecord(env).name === 'string'
          ? (asRecord(env).name as string)
          : null;
    const steps = Array.isArray(job.steps) ? job.steps.map(stepName) : [];
    return {
      key,
      name: typeof job.name === 'string' ? job.name : key,
      needs: needs.filter((n): n is string => typeof n === 'string'),
      environment,
      steps,
    };
  });
}

/** Parses what the emulator needs from a workflow file; unparsable YAML yields no jobs. */
export function parseWorkflow(path: string, source: string): Omit<Workflow, 'id'> {
  let doc: Record<string, unknown> = {};
  try {
    doc = asRecord(parse(source));
  } catch {
    // Actions shows such a workflow by its path and fails its runs; listing it is enough here.
  }
  return {
    path,
    name: typeof doc.name === 'string' ? doc.name : path,
    triggers: triggersOf(doc.on),
    dispatchInputs: dispatchInputsOf(doc.on),
    afterWorkflows: afterWorkflowsOf(doc.on),
    jobs: jobsOf(doc.jobs),
  };
}

/** The stable id of a workflow path, assigned the first time the path is seen. */
export function workflowIdFor(state: EmulatorState, repo: Repo, path: string): number {
  let id = repo.workflowIds.get(path);
  if (id === undefined) {
    id = nextId(state, 'workflow');
    repo.workflowIds.set(path, id);
  }
  return id;
}

/** Workflows defined by `.github/workflows/*.yml` at the head of the default branch. */
export function listWorkflows(state: EmulatorState, repo: Repo): Workflow[] {
  const head = repo.git.refs.get(`refs/heads/${repo.defaultBranch}`);
  const commit = head ? getCommit(repo.git, head) : undefined;
  if (!commit) return [];
  const out: Workflow[] = [];
  for (const [path, sha] of blobsByPath(repo.git, commit.tree)) {
    if (!WORKFLOW_FILE.test(path)) continue;
    const source = getBlob(repo.git, sha)?.content.toString('utf8') ?? '';
    out.push({ id: workflowIdFor(state, repo, path), ...parseWorkflow(path, source) });
  }
  return out.sort((a, b) => a.id - b.id);
}

/** Finds a workflow by numeric id or by file name (`ci.yml`), as the REST API accepts both. */
export function findWorkflow(
  state: EmulatorState,
  repo: Repo,
  idOrFile: string,
): Workflow | undefined {
  return listWorkflows(state, repo).find(
    (w) => String(w.id) === idOrFile || w.path.split('/').pop() === idOrFile,
  );
}
