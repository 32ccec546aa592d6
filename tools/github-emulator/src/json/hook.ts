import type { Delivery, Deployment, EmulatorState, Hook, Repo } from '../state';
import { simpleUser } from './account';
import { nodeId, type Urls } from './urls';

/** `GET /repos/:o/:r/hooks/:id`; GitHub masks the secret as `********`. */
export function hookJson(urls: Urls, repo: Repo, hook: Hook): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}/hooks/${hook.id}`;
  return {
    type: 'Repository',
    id: hook.id,
    name: 'web',
    active: hook.active,
    events: hook.events,
    config: {
      content_type: hook.config.contentType,
      insecure_ssl: hook.config.insecureSsl,
      url: hook.config.url,
      ...(hook.config.secret ? { secret: '********' } : {}),
    },
    updated_at: hook.updatedAt,
    created_at: hook.createdAt,
    url: api,
    test_url: `${api}/test`,
    ping_url: `${api}/pings`,
    deliveries_url: `${api}/deliveries`,
    last_response: hook.lastResponse,
  };
}

/** A delivery as `GET /hooks/:id/deliveries/:delivery_id` shows it (request and response). */
export function deliveryJson(delivery: Delivery, detailed: boolean): Record<string, unknown> {
  const base = {
    id: delivery.id,
    guid: delivery.guid,
    delivered_at: delivery.deliveredAt,
    redelivery: delivery.redelivery,
    duration: delivery.durationMs / 1000,
    status:
      delivery.error ??
      (delivery.statusCode && delivery.statusCode < 400 ? 'OK' : 'Invalid HTTP Response'),
    status_code: delivery.statusCode ?? 0,
    event: delivery.event,
    action: delivery.action,
    installation_id: null,
    repository_id: null,
    throttled_at: null,
  };
  if (!detailed) return base;
  return {
    ...base,
    url: delivery.url,
    request: { headers: delivery.requestHeaders, payload: JSON.parse(delivery.requestBody) },
    response: { headers: {}, payload: delivery.responseBody },
  };
}

/** A deployment (REST and `deployment` payloads). */
export function deploymentJson(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  deployment: Deployment,
): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const creator = state.users.get(deployment.creatorLogin);
  return {
    url: `${api}/deployments/${deployment.id}`,
    id: deployment.id,
    node_id: nodeId('Deployment', deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    task: 'deploy',
    payload: {},
    original_environment: deployment.environment,
    environment: deployment.environment,
    description: deployment.description,
    creator: creator ? simpleUser(creator, urls) : null,
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${api}/deployments/${deployment.id}/statuses`,
    repository_url: api,
    transient_environment: false,
    production_environment: deployment.environment === 'production',
  };
}

/** One deployment status. */
export function deploymentStatusJson(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  deployment: Deployment,
  status: Deployment['statuses'][number],
): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const creator = state.users.get(deployment.creatorLogin);
  return {
    url: `${api}/deployments/${deployment.id}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId('DeploymentStatus', status.id),
    state: status.state,
    creator: creator ? simpleUser(creator, urls) : null,
    description: status.description,
    environment: deployment.environment,
    target_url: status.logUrl,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: `${api}/deployments/${deployment.id}`,
    repository_url: api,
    environment_url: status.environmentUrl,
    log_url: status.logUrl,
  };
}
