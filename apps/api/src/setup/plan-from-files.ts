import type { GeneratedFile } from '@botsmith/generators';
import { parse } from 'yaml';

// What the generated files imply for the setup: which status checks protect the default
// branch, whether a push starts a workflow at all. Which variables the project needs comes
// from the generator's ledger, never from the files.

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
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
