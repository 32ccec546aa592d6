import type { GeneratedFile } from '@botsmith/generators';
import { parse } from 'yaml';

// What the generated files imply for the setup: which Actions secrets the repo needs, which
// status checks protect the default branch, whether a push starts a workflow at all.

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const SECRET_REFERENCE = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g;
/** `.env.example` variables that hold credentials, by GitHub's and the generator's naming. */
const CREDENTIAL_NAME = /(TOKEN|SECRET|PASSWORD|API_KEY|PRIVATE_KEY|SIGNING_KEY|_KEY)$/;

/**
 * The Actions secrets the repository needs: every `secrets.NAME` a workflow reads (except
 * `GITHUB_TOKEN`, which GitHub provides), plus the credentials listed in `.env.example`
 * (empty value, credential-like name) so deploy steps can read them. Sorted, unique.
 *
 * @example secretNamesOf(generate(config).files) // ['DISCORD_TOKEN', 'RAILWAY_TOKEN']
 */
export function secretNamesOf(files: readonly GeneratedFile[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    if (WORKFLOW_FILE.test(file.path)) {
      for (const match of file.content.matchAll(SECRET_REFERENCE)) {
        const name = match[1] ?? '';
        if (!name.toUpperCase().startsWith('GITHUB_')) names.add(name);
      }
    }
    if (file.path === '.env.example') {
      for (const line of file.content.split('\n')) {
        const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
        if (match?.[1] && match[2] === '' && CREDENTIAL_NAME.test(match[1])) names.add(match[1]);
      }
    }
  }
  return [...names].sort();
}

type Workflow = { on?: unknown; jobs?: Record<string, { name?: unknown; strategy?: unknown }> };

function triggers(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  if (on && typeof on === 'object') return Object.keys(on);
  return [];
}

function workflows(files: readonly GeneratedFile[]): Workflow[] {
  return files
    .filter((file) => WORKFLOW_FILE.test(file.path))
    .map((file) => (parse(file.content) ?? {}) as Workflow);
}

/**
 * The status check names (job names, one per matrix value) of workflows that run on pull
 * requests: what branch protection should require before merging.
 */
export function requiredChecksOf(files: readonly GeneratedFile[]): string[] {
  const checks: string[] = [];
  for (const workflow of workflows(files)) {
    if (!triggers(workflow.on).includes('pull_request')) continue;
    for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
      const name = typeof job.name === 'string' ? job.name : id;
      const matrix = (job.strategy as { matrix?: Record<string, unknown> } | undefined)?.matrix;
      const expanded = [name];
      for (const [key, values] of Object.entries(matrix ?? {})) {
        if (!Array.isArray(values)) continue;
        const placeholder = new RegExp(`\\$\\{\\{\\s*matrix\\.${key}\\s*\\}\\}`, 'g');
        if (!placeholder.test(name)) continue;
        expanded.splice(
          0,
          expanded.length,
          ...expanded.flatMap((n) => values.map((v) => n.replace(placeholder, String(v)))),
        );
      }
      checks.push(...expanded);
    }
  }
  return checks;
}

/** Whether pushing the files to the default branch starts at least one workflow run. */
export function startsWorkflowOnPush(files: readonly GeneratedFile[]): boolean {
  return workflows(files).some((workflow) => triggers(workflow.on).includes('push'));
}
