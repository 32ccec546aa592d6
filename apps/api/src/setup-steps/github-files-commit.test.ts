import { generate } from '@botsmith/generators';
import { buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterEach, expect, test } from 'vitest';
import { PermanentGitHubError } from '../setup/github-retry';
import { SetupError } from '../setup/setup-error';
import { describeWithSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';
import { fakeLockfiles } from '../testing/test-lockfiles';

describeWithSetupHarness('github:files:commit run twice', (s) => {
  afterEach(() => s.h.clearFaults());

  const commitsOf = (name: string) => s.h.github.store.snapshot('octocat', name)?.commits ?? [];

  test(
    'one commit on the branch; the rerun finds the files there',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const step = await reachStep(s.h, s.db, caller, 'github:files:commit', 'twice-commit-bot');

      const first = await step.run();
      const second = await step.run();

      const commits = commitsOf('twice-commit-bot');
      expect(commits).toHaveLength(2);
      expect(first).toMatchObject({ status: 'succeeded', output: { commitSha: commits[0]?.sha } });
      expect(second).toMatchObject({
        status: 'succeeded',
        message: expect.stringMatching(/files are already committed\.$/),
        output: { commitSha: commits[0]?.sha },
      });
      expect(step.calls('POST', '/repos/octocat/twice-commit-bot/git/commits')).toHaveLength(1);
      const config = buildConfigSchema.parse({ project: { name: 'step-bot' } });
      const files: Record<string, string> =
        s.h.github.store.snapshot('octocat', 'twice-commit-bot')?.files ?? {};
      const generated = generate(config).files.map((file) => file.path);
      expect(Object.keys(files).sort()).toEqual([...generated, 'package-lock.json'].sort());
      // The lockfile was resolved for exactly the generated package.json.
      const lock = JSON.parse(String(files['package-lock.json']));
      expect(lock.name).toBe('step-bot');
      expect(Object.keys(lock.packages[''].dependencies)).toEqual(
        expect.arrayContaining(Object.keys(JSON.parse(String(files['package.json'])).dependencies)),
      );
    },
    scaledTimeout(60_000),
  );

  test(
    'a commit made before moving the branch failed is the one the rerun publishes',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const step = await reachStep(s.h, s.db, caller, 'github:files:commit', 'reused-commit-bot');
      // Octokit sends the ref URL-encoded (`heads%2Fmain`).
      const ref = '/repos/octocat/reused-commit-bot/git/refs/heads(/|%2F)main';
      await s.h.fault({ method: 'PATCH', path: ref, status: 422, times: 1 });

      await expect(step.run()).rejects.toBeInstanceOf(PermanentGitHubError);
      const second = await step.run();

      const commits = commitsOf('reused-commit-bot');
      expect(commits).toHaveLength(2);
      expect(second).toMatchObject({ status: 'succeeded', output: { commitSha: commits[0]?.sha } });
      expect(step.calls('POST', '/repos/octocat/reused-commit-bot/git/commits')).toHaveLength(1);
      expect(step.calls('PATCH', ref).map((call) => call.status)).toEqual([422, 200]);
    },
    scaledTimeout(60_000),
  );

  test(
    'an unreachable registry fails the step with a clear message and commits nothing',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const step = await reachStep(s.h, s.db, caller, 'github:files:commit', 'offline-lock-bot');
      const working = s.h.runDeps.addLockfile;
      s.h.runDeps.addLockfile = fakeLockfiles('offline');
      try {
        const failure = await step.run().catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(SetupError);
        expect((failure as Error).message).toBe(
          'The dependencies could not be resolved for the lockfile: The package registry could not be reached. Retry the setup.',
        );
      } finally {
        s.h.runDeps.addLockfile = working;
      }
      expect(step.calls('POST', '/repos/octocat/offline-lock-bot/git/commits')).toHaveLength(0);
      // The retry resolves and commits.
      expect(await step.run()).toMatchObject({ status: 'succeeded' });
    },
    scaledTimeout(60_000),
  );
});
