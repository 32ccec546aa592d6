import {
  type PreflightCheck,
  type PreflightResult,
  projectNameSchema,
  type RepoTarget,
} from '@botsmith/shared';

/** The OAuth scopes setup needs (a subset of what sign-in asks for, SPEC §6). */
export const REQUIRED_SCOPES = ['repo', 'workflow', 'admin:repo_hook'] as const;

const SIGN_IN_AGAIN = 'Sign out and sign in with GitHub again, and approve every permission asked.';

/** What preflight learned from GitHub with the user's token; gathered by `gatherPreflightFacts`. */
export interface PreflightFacts {
  /** `null` when the user has no stored token (or it no longer decrypts). */
  scopes: string[] | null;
  login: string | null;
  /** The user's plan name (`free`, `pro`…), when GitHub shows it. */
  userPlan: string | null;
  /** Whether `owner/name` already exists (`null`: could not tell). */
  repoExists: boolean | null;
  /** Facts about the target organisation; `null` when the owner is the user. */
  org: {
    exists: boolean;
    /** `null` when GitHub did not say (the user is not a member). */
    isMember: boolean | null;
    /** The user's role, when the token may read memberships (needs `read:org`). */
    role: 'admin' | 'member' | null;
    membersCanCreateRepositories: boolean | null;
    plan: string | null;
  } | null;
}

/** `repo` implies its sub-scopes; `admin:repo_hook` is also granted by nothing else we ask for. */
export function missingScopes(granted: readonly string[]): string[] {
  return REQUIRED_SCOPES.filter((scope) => !granted.includes(scope));
}

function scopeCheck(facts: PreflightFacts): PreflightCheck {
  const title = 'GitHub permissions';
  if (facts.scopes === null) {
    return {
      id: 'token_scopes',
      status: 'fail',
      title,
      reason: 'Botsmith has no usable GitHub token for you.',
      fix: SIGN_IN_AGAIN,
    };
  }
  const missing = missingScopes(facts.scopes);
  if (missing.length === 0) {
    return {
      id: 'token_scopes',
      status: 'pass',
      title,
      reason: 'Botsmith may create the repository, its workflows and its webhook.',
    };
  }
  const why = missing.includes('workflow')
    ? ' Without `workflow`, GitHub rejects commits that add files under .github/workflows.'
    : '';
  return {
    id: 'token_scopes',
    status: 'fail',
    title,
    reason: `The GitHub token lacks ${missing.map((s) => `\`${s}\``).join(', ')}.${why}`,
    fix: SIGN_IN_AGAIN,
  };
}

function nameCheck(target: RepoTarget): PreflightCheck {
  const parsed = projectNameSchema.safeParse(target.name);
  return parsed.success
    ? {
        id: 'repo_name',
        status: 'pass',
        title: 'Repository name',
        reason: `“${target.name}” is a valid name.`,
      }
    : {
        id: 'repo_name',
        status: 'fail',
        title: 'Repository name',
        reason: `“${target.name}” ${parsed.error.issues[0]?.message ?? 'is not valid'}.`,
        fix: 'Pick a name with lower-case letters, digits and dashes.',
      };
}

function availabilityCheck(target: RepoTarget, facts: PreflightFacts): PreflightCheck {
  const title = 'Repository name is free';
  const full = `${target.owner}/${target.name}`;
  if (facts.repoExists === null) {
    return {
      id: 'repo_available',
      status: 'warn',
      title,
      reason: `Could not check whether ${full} exists.`,
      fix: 'If it does, creating the repository will fail; pick another name.',
    };
  }
  return facts.repoExists
    ? {
        id: 'repo_available',
        status: 'fail',
        title,
        reason: `${full} already exists.`,
        fix: 'Pick another name, or delete or rename the existing repository on GitHub.',
      }
    : { id: 'repo_available', status: 'pass', title, reason: `${full} does not exist yet.` };
}

function ownerCheck(target: RepoTarget, facts: PreflightFacts): PreflightCheck {
  const title = 'Permission to create the repository';
  if (facts.org === null) {
    return {
      id: 'owner_permission',
      status: 'pass',
      title,
      reason: 'The repository goes to your own account.',
    };
  }
  const org = facts.org;
  const name = target.owner;
  if (!org.exists) {
    return {
      id: 'owner_permission',
      status: 'fail',
      title,
      reason: `There is no account or organisation “${name}” on GitHub.`,
      fix: 'Check the owner’s spelling.',
    };
  }
  if (org.role === 'admin') {
    return { id: 'owner_permission', status: 'pass', title, reason: `You own ${name}.` };
  }
  if (org.isMember === false && org.role === null) {
    return {
      id: 'owner_permission',
      status: 'fail',
      title,
      reason: `You are not a member of ${name}.`,
      fix: `Ask an owner of ${name} to invite you, or create the repository under your own account.`,
    };
  }
  if (org.membersCanCreateRepositories === true) {
    return {
      id: 'owner_permission',
      status: 'pass',
      title,
      reason: `Members of ${name} may create repositories.`,
    };
  }
  if (org.role === 'member') {
    return {
      id: 'owner_permission',
      status: 'fail',
      title,
      reason: `Only owners may create repositories in ${name}, and you are a member.`,
      fix: `Ask an owner of ${name} to allow members to create repositories, or create it under your own account.`,
    };
  }
  // Members may not create repositories, and the role needs `read:org`, which we do not ask for.
  return {
    id: 'owner_permission',
    status: 'warn',
    title,
    reason: `Only owners may create repositories in ${name}, and GitHub does not tell Botsmith whether you are one (that needs the read:org permission, which Botsmith does not request).`,
    fix: `Go ahead if you own ${name}; otherwise ask an owner to allow members to create repositories, or use your own account.`,
  };
}

function protectionCheck(
  target: RepoTarget,
  facts: PreflightFacts,
): { check: PreflightCheck; allowed: boolean } {
  const title = 'Branch protection';
  if (target.visibility === 'public') {
    return {
      allowed: true,
      check: {
        id: 'branch_protection',
        status: 'pass',
        title,
        reason: 'Public repositories can protect their default branch on every plan.',
      },
    };
  }
  const plan = facts.org ? facts.org.plan : facts.userPlan;
  if (plan === null) {
    return {
      allowed: false,
      check: {
        id: 'branch_protection',
        status: 'warn',
        title,
        reason:
          'GitHub does not show this owner’s plan to Botsmith; private repositories on the free plan cannot be protected, so this step is skipped.',
        fix: 'Protect the default branch yourself in the repository settings if your plan allows it.',
      },
    };
  }
  if (plan === 'free') {
    return {
      allowed: false,
      check: {
        id: 'branch_protection',
        status: 'warn',
        title,
        reason:
          'Private repositories on GitHub’s free plan cannot use branch protection; this step is skipped.',
        fix: 'Make the repository public, or upgrade to GitHub Pro or Team, to protect the default branch.',
      },
    };
  }
  return {
    allowed: true,
    check: {
      id: 'branch_protection',
      status: 'pass',
      title,
      reason: `The ${plan} plan allows branch protection on private repositories.`,
    },
  };
}

/**
 * The preflight verdict from gathered facts: one check per concern, and the plan (which
 * optional steps run). Pure, so every branch is unit-tested without GitHub.
 *
 * @example evaluatePreflight(target, facts).ok // false when any check failed
 */
export function evaluatePreflight(target: RepoTarget, facts: PreflightFacts): PreflightResult {
  const protection = protectionCheck(target, facts);
  const checks = [
    scopeCheck(facts),
    nameCheck(target),
    availabilityCheck(target, facts),
    ownerCheck(target, facts),
    protection.check,
  ];
  return {
    ok: checks.every((check) => check.status !== 'fail'),
    checks,
    plan: { branchProtection: protection.allowed },
  };
}
