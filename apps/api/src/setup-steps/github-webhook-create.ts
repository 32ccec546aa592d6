import { saveProjectWebhookId, saveProjectWebhookSecret } from '@botsmith/db';
import { githubStatus } from '../github/github-errors';
import {
  generateWebhookSecret,
  openWebhookSecret,
  sealWebhookSecret,
} from '../webhooks/webhook-secret';
import type { SetupStep, StepContext } from './setup-step';
import { githubWebhookCreateOutput } from './step-outputs';

const WEBHOOK_EVENTS = ['push', 'workflow_run', 'deployment', 'deployment_status'];

/** The project's webhook secret: the stored one on a rerun, else a new one, sealed and stored. */
async function webhookSecret(ctx: StepContext): Promise<string> {
  const { project, cipher } = ctx;
  const stored = openWebhookSecret(cipher, project);
  if (stored !== null) return stored;
  const secret = generateWebhookSecret();
  const sealed = sealWebhookSecret(cipher, project.id, secret);
  // Stored before the hook exists: a crash in between leaves a secret, never a hook without one.
  await saveProjectWebhookSecret(ctx.db, ctx.run.userId, project.id, sealed);
  return secret;
}

/**
 * Registers the repository webhook with a per-project secret. Rerun-safe: a hook already
 * pointing at our URL is updated (its secret set again) instead of adding a second one.
 * Undo deletes the hook (one already gone counts as deleted) and forgets it and its secret.
 */
export const githubWebhookCreateStep: SetupStep<
  'github:webhook:create',
  typeof githubWebhookCreateOutput
> = {
  id: 'github:webhook:create',
  description: 'Registers the webhook that reports workflow runs and deployments to Botsmith.',
  output: githubWebhookCreateOutput,
  async run(ctx) {
    const { owner, name: repo } = ctx.repo;
    const url = `${ctx.publicUrl}/webhooks/github`;
    ctx.log.info({ url }, 'registering the webhook');
    const secret = await webhookSecret(ctx);
    const config = { url, content_type: 'json' as const, secret, insecure_ssl: '0' as const };
    const hooks = await ctx.github.rest.repos.listWebhooks({ owner, repo, per_page: 100 });
    const existing = hooks.data.find((hook) => hook.config.url === url);
    let hookId: number;
    if (existing) {
      await ctx.github.rest.repos.updateWebhook({
        owner,
        repo,
        hook_id: existing.id,
        config,
        events: WEBHOOK_EVENTS,
        active: true,
      });
      hookId = existing.id;
    } else {
      const created = await ctx.github.rest.repos.createWebhook({
        owner,
        repo,
        name: 'web',
        config,
        events: WEBHOOK_EVENTS,
        active: true,
      });
      hookId = created.data.id;
    }
    await saveProjectWebhookId(ctx.db, ctx.run.userId, ctx.project.id, hookId);
    ctx.log.info({ hookId, updated: existing !== undefined }, 'webhook registered');
    return {
      status: 'succeeded',
      message: `GitHub sends ${WEBHOOK_EVENTS.join(', ')} events to Botsmith.`,
      output: { hookId, url },
    };
  },

  async undo(ctx) {
    const repo = ctx.outputOf('github:repo:create');
    const hook = ctx.outputOf('github:webhook:create');
    if (!repo || !hook) return null;
    const [owner = '', name = ''] = repo.fullName.split('/');
    try {
      await ctx.github.rest.repos.deleteWebhook({ owner, repo: name, hook_id: hook.hookId });
    } catch (error) {
      if (githubStatus(error) !== 404) throw error;
    }
    await saveProjectWebhookId(ctx.db, ctx.run.userId, ctx.run.projectId, null);
    return { rolledBack: true, message: 'Webhook deleted.', result: { webhookDeleted: true } };
  },
};
