import type { ActivityAction } from '@botsmith/shared';

export type { ActivityAction };

/** Every audit-log action in words: a new action does not compile until it has its words. */
export const ACTIVITY_LABELS: Record<ActivityAction, string> = {
  'auth.sign_in': 'Signed in with GitHub',
  'auth.sign_out': 'Signed out',
  'auth.sign_out_everywhere': 'Signed out everywhere',
  'api_token.created': 'Created an API token',
  'api_token.revoked': 'Revoked an API token',
  'project.created': 'Created the project',
  'project.renamed': 'Renamed the project',
  'project.deleted': 'Deleted the project',
  'project.webhook_disconnected': 'Disconnected the webhook',
  'deployment.redeployed': 'Dispatched a redeploy',
  'setup.started': 'Started the setup on GitHub',
  'setup.succeeded': 'Set up on GitHub',
  'setup.failed': 'The setup failed',
  'setup.retried': 'Retried the setup',
  'setup.rolled_back': 'Rolled the setup back',
  'webhook.received': 'Received a GitHub event',
  'deployment.updated': 'A deployment changed',
  'secrets.set': 'Set a secret or variable',
  'secrets.removed': 'Deleted a secret or variable',
};
