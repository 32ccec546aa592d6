/** PostgreSQL's SQLSTATE for a unique violation; PGlite and `pg` both report it as `code`. */
const UNIQUE_VIOLATION = '23505';

/**
 * Whether `error` is a unique-constraint violation, optionally of one named constraint.
 *
 * @example
 * if (isUniqueViolation(error, 'projects_owner_id_name_key')) throw new ProjectNameTakenError(name);
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && (constraint === undefined || violated === constraint);
}

/** The owner already has a project with this name (names are unique per owner). */
export class ProjectNameTakenError extends Error {
  override readonly name = 'ProjectNameTakenError';

  constructor(
    readonly projectName: string,
    options?: ErrorOptions,
  ) {
    super(`a project named "${projectName}" already exists`, options);
  }
}
