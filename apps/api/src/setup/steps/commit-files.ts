import { GENERATOR_VERSION } from '@botsmith/generators';
import type { SetupStep, StepContext } from '../step-types';

function repoOf(ctx: StepContext) {
  const created = ctx.outputs.create_repo ?? {};
  const [owner = ctx.run.repoOwner, repo = ctx.run.repoName] = String(created.fullName ?? '').split(
    '/',
  );
  return { owner, repo, branch: String(created.defaultBranch ?? 'main') };
}

/**
 * One commit with every generated file: a tree on top of the initial commit's tree with the
 * contents inline, a commit, then a fast-forward of the branch — a handful of writes whatever
 * the file count (GitHub allows ~80 content-creating requests a minute). Rerun-safe: when
 * the branch already points at a commit with our tree, nothing is written; a commit created
 * before a crash is reused instead of making a second one.
 */
export const commitFilesStep: SetupStep = {
  name: 'commit_files',
  async run(ctx) {
    const { owner, repo, branch } = repoOf(ctx);
    const files = ctx.files();
    const git = ctx.octokit.rest.git;
    const ref = await ctx.github(() => git.getRef({ owner, repo, ref: `heads/${branch}` }));
    const head = ref.data.object.sha;
    const headCommit = await ctx.github(() => git.getCommit({ owner, repo, commit_sha: head }));
    const tree = await ctx.github(() =>
      git.createTree({
        owner,
        repo,
        base_tree: headCommit.data.tree.sha,
        tree: files.map((file) => ({
          path: file.path,
          mode: '100644' as const,
          type: 'blob' as const,
          content: file.content,
        })),
      }),
    );
    const treeSha = tree.data.sha;
    if (treeSha === headCommit.data.tree.sha) {
      return {
        status: 'succeeded',
        message: `${files.length} files are already committed.`,
        output: { commitSha: head, treeSha, fileCount: files.length },
      };
    }

    // A commit made before a crash, on the same parent and tree, is the one to publish.
    let commitSha = typeof ctx.output.commitSha === 'string' ? ctx.output.commitSha : null;
    if (commitSha && !(ctx.output.parentSha === head && ctx.output.treeSha === treeSha))
      commitSha = null;
    if (!commitSha) {
      const commit = await ctx.github(() =>
        git.createCommit({
          owner,
          repo,
          message: `Generate the bot with Botsmith\n\nGenerator ${GENERATOR_VERSION}: ${files.length} files.`,
          tree: treeSha,
          parents: [head],
        }),
      );
      commitSha = commit.data.sha;
      await ctx.checkpoint({ commitSha, parentSha: head, treeSha });
    }
    const sha = commitSha;
    await ctx.github(() => git.updateRef({ owner, repo, ref: `heads/${branch}`, sha }));
    return {
      status: 'succeeded',
      message: `Committed ${files.length} files.`,
      output: { commitSha: sha, parentSha: head, treeSha, fileCount: files.length },
    };
  },
};
