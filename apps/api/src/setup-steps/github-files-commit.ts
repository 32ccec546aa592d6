import { updateSetupStep } from '@botsmith/db';
import { GENERATOR_VERSION, type GeneratedFile } from '@botsmith/generators';
import { LOCKFILE_PATHS, LockfileError } from '@botsmith/generators/lockfile';
import { SetupError } from '../setup/setup-error';
import type { SetupStep, StepContext } from './setup-step';
import { githubFilesCommitOutput } from './step-outputs';

/**
 * The lockfile for the generated files, resolved once per run: a retry after a crash commits
 * the same one (and so finds the same tree), even if the registry moved on meanwhile.
 */
async function resolvedLockfile(ctx: StepContext): Promise<GeneratedFile> {
  return ctx.checkpoint('lockfile', async () => {
    await updateSetupStep(ctx.db, ctx.run.id, 'github:files:commit', {
      message: 'Resolving the dependencies for the lockfile…',
    });
    const generated = ctx.files();
    try {
      const lock = (await ctx.addLockfile(generated)).find((file) =>
        LOCKFILE_PATHS.includes(file.path),
      );
      if (!lock) throw new SetupError('No lockfile was resolved for the project.');
      ctx.log.info({ path: lock.path }, 'resolved the lockfile');
      return { path: lock.path, content: lock.content };
    } catch (error) {
      if (!(error instanceof LockfileError)) throw error;
      ctx.log.warn({ reason: error.message }, 'could not resolve the lockfile');
      throw new SetupError(
        `The dependencies could not be resolved for the lockfile: ${error.summary}. Retry the setup.`,
      );
    }
  });
}

/**
 * One commit with every generated file and the resolved lockfile: a tree on top of the initial commit's tree with the
 * contents inline, a commit, then a fast-forward of the branch — a handful of writes whatever
 * the file count (GitHub allows ~80 content-creating requests a minute). Rerun-safe: when
 * the branch already points at a commit with our tree, nothing is written; a commit created
 * before a crash, on the same parent and tree, is reused instead of making a second one.
 */
export const githubFilesCommitStep: SetupStep<
  'github:files:commit',
  typeof githubFilesCommitOutput
> = {
  id: 'github:files:commit',
  description: 'Commits every generated file in one commit on the default branch.',
  output: githubFilesCommitOutput,
  async run(ctx) {
    const { owner, name: repo, defaultBranch: branch } = ctx.repo;
    const files = [...ctx.files(), await resolvedLockfile(ctx)];
    const git = ctx.github.rest.git;
    ctx.log.info({ branch, files: files.length }, 'committing the generated files');
    const ref = await git.getRef({ owner, repo, ref: `heads/${branch}` });
    const head = ref.data.object.sha;
    const headCommit = await git.getCommit({ owner, repo, commit_sha: head });
    const tree = await git.createTree({
      owner,
      repo,
      base_tree: headCommit.data.tree.sha,
      tree: files.map((file) => ({
        path: file.path,
        mode: '100644' as const,
        type: 'blob' as const,
        content: file.content,
      })),
    });
    const treeSha = tree.data.sha;
    if (treeSha === headCommit.data.tree.sha) {
      ctx.log.info({ commitSha: head }, 'the branch already holds the files');
      return {
        status: 'succeeded',
        message: `${files.length} files are already committed.`,
        output: { commitSha: head, treeSha, fileCount: files.length },
      };
    }

    // Keyed by parent and tree: a commit made before a crash is the one to publish.
    const commitSha = await ctx.checkpoint(`commit:${head}:${treeSha}`, async () => {
      const commit = await git.createCommit({
        owner,
        repo,
        message: `Generate the bot with Botsmith\n\nGenerator ${GENERATOR_VERSION}: ${files.length} files.`,
        tree: treeSha,
        parents: [head],
      });
      return commit.data.sha;
    });
    await git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commitSha });
    ctx.log.info({ commitSha }, 'committed the generated files');
    return {
      status: 'succeeded',
      message: `Committed ${files.length} files.`,
      output: { commitSha, parentSha: head, treeSha, fileCount: files.length },
    };
  },
};
