import { startPushRuns } from '../actions/auto-runs';
import type { EmulatorContext } from '../context';
import type { Urls } from '../json/urls';
import type { Repo } from '../state';
import { pushEvent } from '../webhooks/payloads';
import { deliverEvent } from '../webhooks/send';

/** A branch moved: what GitHub does next (push webhook, workflow runs), in the background. */
export function afterRefUpdate(
  ctx: EmulatorContext,
  repo: Repo,
  change: { ref: string; before: string | null; after: string; forced: boolean; pusher: string },
  urls: Urls,
): void {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  repo.pushedAt = now;
  repo.updatedAt = now;
  const state = ctx.store.state;
  ctx.store.track(deliverEvent(state, repo, pushEvent(state, urls, repo, change)));
  if (change.ref.startsWith('refs/heads/')) {
    const branch = change.ref.slice('refs/heads/'.length);
    startPushRuns(ctx, repo, { branch, headSha: change.after, actor: change.pusher }, urls);
  }
}
