import { describe, expect, test } from 'vitest';
import { evaluatePreflight, missingScopes, type PreflightFacts } from './preflight-checks';

const ALL = ['read:user', 'user:email', 'repo', 'workflow', 'admin:repo_hook'];
const mine = { owner: 'octocat', name: 'hello-bot', visibility: 'public' as const };
const facts = (over: Partial<PreflightFacts> = {}): PreflightFacts => ({
  scopes: ALL,
  login: 'octocat',
  userPlan: 'free',
  repoExists: false,
  org: null,
  ...over,
});
const org = (over: Partial<NonNullable<PreflightFacts['org']>> = {}): PreflightFacts['org'] => ({
  exists: true,
  isMember: true,
  role: null,
  membersCanCreateRepositories: true,
  plan: 'free',
  ...over,
});
const check = (result: ReturnType<typeof evaluatePreflight>, id: string) =>
  result.checks.find((c) => c.id === id);

describe('preflight checks', () => {
  test('everything in order passes with branch protection planned', () => {
    const result = evaluatePreflight(mine, facts());
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
    expect(result.plan).toEqual({ branchProtection: true });
  });

  test('a token without workflow fails and says why and how to fix it', () => {
    const result = evaluatePreflight(mine, facts({ scopes: ['repo', 'admin:repo_hook'] }));
    expect(result.ok).toBe(false);
    expect(check(result, 'token_scopes')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('.github/workflows'),
      fix: expect.stringContaining('sign in with GitHub again'),
    });
    expect(missingScopes(['repo'])).toEqual(['workflow', 'admin:repo_hook']);
  });

  test('no token at all fails the scope check', () => {
    expect(check(evaluatePreflight(mine, facts({ scopes: null })), 'token_scopes')?.status).toBe(
      'fail',
    );
  });

  test('an existing repository or an invalid name fails', () => {
    expect(
      check(evaluatePreflight(mine, facts({ repoExists: true })), 'repo_available')?.status,
    ).toBe('fail');
    expect(
      check(evaluatePreflight(mine, facts({ repoExists: null })), 'repo_available')?.status,
    ).toBe('warn');
    const bad = evaluatePreflight({ ...mine, name: 'Not A Name!' }, facts());
    expect(check(bad, 'repo_name')?.status).toBe('fail');
    expect(bad.ok).toBe(false);
  });

  test('organisations: owners and open orgs pass, members of closed orgs fail, unknown roles warn', () => {
    const target = { ...mine, owner: 'acme' };
    const verdict = (o: PreflightFacts['org']) =>
      check(evaluatePreflight(target, facts({ org: o })), 'owner_permission')?.status;
    expect(verdict(org({ role: 'admin', membersCanCreateRepositories: false }))).toBe('pass');
    expect(verdict(org({ membersCanCreateRepositories: true }))).toBe('pass');
    expect(verdict(org({ role: 'member', membersCanCreateRepositories: false }))).toBe('fail');
    expect(verdict(org({ membersCanCreateRepositories: false }))).toBe('warn');
    expect(verdict(org({ isMember: false, membersCanCreateRepositories: null }))).toBe('fail');
    expect(verdict(org({ exists: false }))).toBe('fail');
  });

  test('a private repository on a free plan warns and plans no branch protection', () => {
    const result = evaluatePreflight({ ...mine, visibility: 'private' }, facts());
    expect(result.ok).toBe(true);
    expect(check(result, 'branch_protection')?.status).toBe('warn');
    expect(result.plan.branchProtection).toBe(false);
    const pro = evaluatePreflight({ ...mine, visibility: 'private' }, facts({ userPlan: 'pro' }));
    expect(pro.plan.branchProtection).toBe(true);
    const orgPlan = evaluatePreflight(
      { ...mine, owner: 'acme', visibility: 'private' },
      facts({ org: org({ plan: 'team' }) }),
    );
    expect(orgPlan.plan.branchProtection).toBe(true);
  });
});
