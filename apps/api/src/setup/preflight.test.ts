import { describeEachDatabase } from '@botsmith/db/testing';
import { buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SetupHarness, SIGN_IN_SCOPES, startSetupHarness } from '../testing/setup-harness';

const config = buildConfigSchema.parse({ project: { name: 'hello-bot' } });
const target = (over: Record<string, string> = {}) => ({
  owner: 'octocat',
  name: 'fresh-bot',
  visibility: 'public' as 'public' | 'private',
  ...over,
});

describeEachDatabase('setup preflight against GitHub (emulator, real HTTP)', (t) => {
  let h: SetupHarness;
  beforeAll(async () => {
    h = await startSetupHarness(t.db, { withWorker: false });
  }, scaledTimeout(60_000));
  afterAll(() => h.stop());

  const statusOf = (result: { checks: { id: string; status: string }[] }, id: string) =>
    result.checks.find((check) => check.id === id)?.status;

  test('everything in order passes', async () => {
    const { caller } = await h.signIn('octocat');
    const result = await caller.setupRun.preflight({ target: target(), config });
    expect(result).toMatchObject({ ok: true, plan: { branchProtection: true } });
  });

  test('a token without the workflow scope fails, with the fix', async () => {
    const { caller } = await h.signIn(
      'octocat',
      SIGN_IN_SCOPES.filter((scope) => scope !== 'workflow'),
    );
    const result = await caller.setupRun.preflight({ target: target(), config });
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.id === 'token_scopes')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('`workflow`'),
      fix: expect.stringContaining('sign in'),
    });
  });

  test('a name that is taken fails, and start refuses it too', async () => {
    await fetch(`${h.github.url}/_emulator/repos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ owner: 'octocat', name: 'taken-bot', auto_init: true }),
    });
    const { caller } = await h.signIn('octocat');
    const result = await caller.setupRun.preflight({
      target: target({ name: 'taken-bot' }),
      config,
    });
    expect(statusOf(result, 'repo_available')).toBe('fail');
    await expect(
      caller.setupRun.start({ target: target({ name: 'taken-bot' }), config, plan: result.plan }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  test('hubot may not create repos in botsmith-test-org: warned without read:org, failed with it', async () => {
    const org = target({ owner: 'botsmith-test-org' });
    const hubot = await h.signIn('hubot');
    const guarded = await hubot.caller.setupRun.preflight({ target: org, config });
    expect(guarded.checks.find((c) => c.id === 'owner_permission')).toMatchObject({
      status: 'warn',
      reason: expect.stringContaining('read:org'),
    });
    const withOrgRead = await h.signIn('hubot', [...SIGN_IN_SCOPES, 'read:org']);
    const known = await withOrgRead.caller.setupRun.preflight({ target: org, config });
    expect(statusOf(known, 'owner_permission')).toBe('fail');
    expect(known.ok).toBe(false);

    const octocat = await h.signIn('octocat', [...SIGN_IN_SCOPES, 'read:org']);
    const owner = await octocat.caller.setupRun.preflight({ target: org, config });
    expect(statusOf(owner, 'owner_permission')).toBe('pass');
    const stranger = await octocat.caller.setupRun.preflight({
      target: target({ owner: 'no-such-org' }),
      config,
    });
    expect(statusOf(stranger, 'owner_permission')).toBe('fail');
  });

  test('a private repo on the free plan warns, and the run skips branch protection', async () => {
    const { caller } = await h.signIn('octocat');
    const privateTarget = target({ name: 'secret-bot', visibility: 'private' });
    const result = await caller.setupRun.preflight({ target: privateTarget, config });
    expect(result.ok).toBe(true);
    expect(statusOf(result, 'branch_protection')).toBe('warn');
    expect(result.plan).toEqual({ branchProtection: false });

    // Even a client asking for protection gets the server's verdict.
    const { runId } = await caller.setupRun.start({
      target: privateTarget,
      config,
      plan: { branchProtection: true },
    });
    const snapshot = await caller.setupRun.get({ runId });
    expect(snapshot.status).toBe('queued');
    expect(snapshot.steps.find((s) => s.id === 'github:branch:protect')?.status).toBe('skipped');
    expect(snapshot.steps.find((s) => s.id === 'github:secrets:store')?.status).toBe('pending');
  });
});
