// Who may do what (SPEC §6). Every tRPC procedure names one permission; the API checks it in
// one middleware against the caller's role. Today a caller owns everything they reach, so the
// only role is `owner`; team roles join this table, and the check stays where it is.

/** What a procedure needs, `<resource>:<verb>`; `public` needs no sign-in. */
export const PERMISSIONS = [
  'public',
  'account:read',
  'account:write',
  'project:read',
  'project:write',
  'project:delete',
  'setup:read',
  'setup:run',
  'deployment:read',
  'deployment:redeploy',
  /** A project's runtime ledger and which values GitHub holds (never secret values). */
  'secrets:read',
  /** Setting, rotating and removing a project's secrets and variables. */
  'secrets:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A caller's relation to what they act on. */
export const ROLES = ['owner'] as const;
export type Role = (typeof ROLES)[number];

/** The permissions each role holds. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
};

/**
 * Whether `role` may do what `permission` names.
 *
 * @example if (!roleAllows('owner', 'project:delete')) throw …;
 */
export function roleAllows(role: Role, permission: Permission): boolean {
  return permission === 'public' || ROLE_PERMISSIONS[role].includes(permission);
}
