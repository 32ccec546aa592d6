import { saveProjectWebhookId, saveProjectWebhookSecret } from '@botsmith/db';
import {
  generateWebhookSecret,
  openWebhookSecret,
  sealWebhookSecret,
} from '../../webhooks/webhook-secret';
import type { SetupStep, StepContext } from '../step-types';

export const WEBHOOK_EVENTS = ['push', 'workflow_run', 'deployment', 'deployment_status'];

/** The project's webhook secret: the stored one on a rerun, else a new one, sealed and stored first. */
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
 */
export const webhookStep: SetupStep = {
  name: 'webhook',
  async run(ctx) {
    const [owner = '', repo = ''] = String(ctx.outputs.create_repo?.fullName ?? '').split('/');
    const url = `${ctx.publicUrl}/webhooks/github`;
    const secret = await webhookSecret(ctx);
    const config = { url, content_type: 'json' as const, secret, insecure_ssl: '0' as const };
    const hooks = await ctx.github(() =>
      ctx.octokit.rest.repos.listWebhooks({ owner, repo, per_page: 100 }),
    );
    const existing = hooks.data.find((hook) => hook.config.url === url);
    let hookId: number;
    if (existing) {
      await ctx.github(() =>
        ctx.octokit.rest.repos.updateWebhook({
          owner,
          repo,
          hook_id: existing.id,
          config,
          events: WEBHOOK_EVENTS,
          active: true,
        }),
      );
      hookId = existing.id;
    } else {
      const created = await ctx.github(() =>
        ctx.octokit.rest.repos.createWebhook({
          owner,
          repo,
          name: 'web',
          config,
          events: WEBHOOK_EVENTS,
          active: true,
        }),
      );
      hookId = created.data.id;
    }
    await saveProjectWebhookId(ctx.db, ctx.run.userId, ctx.project.id, hookId);
    return {
      status: 'succeeded',
      message: `GitHub sends ${WEBHOOK_EVENTS.join(', ')} events to Botsmith.`,
      output: { hookId, url },
    };
  },
};
