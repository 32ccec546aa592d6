import type { EnvVar } from '../types';

/** Thrown when two modules declare one environment variable with different meanings. */
export class EnvVarConflictError extends Error {
  constructor(readonly variable: string) {
    super(`Two generator modules declare the environment variable "${variable}" differently`);
    this.name = 'EnvVarConflictError';
  }
}

/**
 * `.env.example`: every variable the project reads, each with its comment, in contribution
 * order (the order the README explains them). Declaring the same variable twice is allowed
 * only with identical details. Only generator-authored text goes in here (SPEC §5).
 */
export function renderEnvExample(vars: readonly EnvVar[]): string {
  const byName = new Map<string, EnvVar>();
  for (const variable of vars) {
    const seen = byName.get(variable.name);
    if (seen && JSON.stringify(seen) !== JSON.stringify(variable)) {
      throw new EnvVarConflictError(variable.name);
    }
    byName.set(variable.name, variable);
  }
  const blocks = [...byName.values()].map((variable) => {
    const need = variable.required ? 'Required.' : 'Optional.';
    return `# ${variable.description} ${need}\n${variable.name}=${variable.example ?? ''}\n`;
  });
  return [
    '# Copy this file to .env and fill it in. Never commit .env: it holds secrets.\n',
    ...blocks,
  ].join('\n');
}
