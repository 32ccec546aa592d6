// OAuth scopes as GitHub documents them ("Scopes for OAuth apps"): a parent scope implies its
// children, and unknown scopes requested at authorize time are silently dropped.
const IMPLIED: Record<string, string[]> = {
  repo: ['repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events'],
  'admin:repo_hook': ['write:repo_hook', 'read:repo_hook'],
  'write:repo_hook': ['read:repo_hook'],
  'admin:org': ['write:org', 'read:org', 'manage_runners:org'],
  'write:org': ['read:org'],
  'admin:public_key': ['write:public_key', 'read:public_key'],
  'write:public_key': ['read:public_key'],
  'admin:org_hook': [],
  gist: [],
  notifications: [],
  user: ['read:user', 'user:email', 'user:follow'],
  delete_repo: [],
  'write:discussion': ['read:discussion'],
  'write:packages': ['read:packages'],
  'delete:packages': [],
  'admin:gpg_key': ['write:gpg_key', 'read:gpg_key'],
  'write:gpg_key': ['read:gpg_key'],
  codespace: [],
  workflow: [],
  project: ['read:project'],
};

const KNOWN = new Set([...Object.keys(IMPLIED), ...Object.values(IMPLIED).flat()]);

/** Parses a `scope` parameter (space- or comma-separated), keeping known scopes in order. */
export function parseScopes(raw: string | undefined | null): string[] {
  const out: string[] = [];
  for (const part of (raw ?? '').split(/[\s,]+/)) {
    if (part && KNOWN.has(part) && !out.includes(part)) out.push(part);
  }
  return out;
}

/** The granted scopes plus everything they imply. */
export function expandScopes(granted: readonly string[]): Set<string> {
  const out = new Set<string>();
  const visit = (scope: string) => {
    if (out.has(scope)) return;
    out.add(scope);
    for (const child of IMPLIED[scope] ?? []) visit(child);
  };
  for (const scope of granted) visit(scope);
  return out;
}

/** True when the grant includes (or implies) at least one of `accepted`. */
export function hasAnyScope(granted: readonly string[], accepted: readonly string[]): boolean {
  const expanded = expandScopes(granted);
  return accepted.some((scope) => expanded.has(scope));
}
