import type { DeploymentFacts } from '@botsmith/db';
import type { DeploymentStatus } from '@botsmith/shared';
import { z } from 'zod';
import {
  deploymentFromWorkflowRun,
  type WorkflowRunDeployment,
  workflowRunSchema,
} from '../deployments/deployment-from-workflow-run';
import { storableText } from './storable-json';

// Turns a verified delivery into what we store. Pure: the processor does the I/O. Only the
// fields we use are parsed (STYLE: verify first, then parse only what we use); anything
// else in GitHub's payloads may change without breaking us.

/** What a delivery means for us. */
export type EventEffect =
  | ({ kind: 'deployment' } & WorkflowRunDeployment)
  | { kind: 'push'; metadata: Record<string, unknown> }
  | { kind: 'ping'; hookId: number | null }
  /** A known event that changes nothing here (e.g. a `deployment_status` of `inactive`). */
  | { kind: 'noop'; reason: string }
  | { kind: 'ignored' };

/**
 * A handled event lacks a field we rely on (or has it in another shape): a permanent
 * failure — processing the same payload again cannot succeed.
 */
export class MalformedPayloadError extends Error {
  override readonly name = 'MalformedPayloadError';
}

/** `payload` as `schema` says, or `MalformedPayloadError` naming the event and the fields. */
function parsePayload<T extends z.ZodType>(
  schema: T,
  event: string,
  payload: unknown,
): z.output<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  throw new MalformedPayloadError(`${event} payload: ${z.prettifyError(parsed.error)}`, {
    cause: parsed.error,
  });
}

/** Events a Botsmith webhook subscribes to. */
export const HANDLED_EVENTS = [
  'ping',
  'push',
  'workflow_run',
  'deployment',
  'deployment_status',
] as const;

const date = z.iso.datetime({ offset: true }).nullish();
const text = z.string().nullish();

const workflowRunPayload = z.object({ action: z.string(), workflow_run: workflowRunSchema });
const WORKFLOW_RUN_ACTIONS = ['requested', 'in_progress', 'completed'] as const;

const deploymentObject = z.object({
  id: z.number().int(),
  sha: text,
  ref: text,
  environment: text,
  created_at: date,
});
const workflowRunLink = z.object({ name: text, html_url: text }).nullish();

const deploymentPayload = z.object({
  action: z.string(),
  deployment: deploymentObject,
  workflow_run: workflowRunLink,
});

const deploymentStatusPayload = z.object({
  deployment_status: z.object({
    state: z.string(),
    environment: text,
    environment_url: text,
    log_url: text,
    target_url: text,
    updated_at: date,
  }),
  deployment: deploymentObject,
  workflow_run: workflowRunLink,
});

const pushPayload = z.object({
  ref: z.string(),
  after: z.string(),
  commits: z.array(z.unknown()).default([]),
  pusher: z.object({ name: text }).nullish(),
  head_commit: z.object({ message: text }).nullish(),
});

const pingPayload = z.object({ hook_id: z.number().int().nullish() });

/** A deployment status state as ours; `null` for `inactive` (superseded, nothing ran). */
export function deploymentState(state: string): DeploymentStatus | null {
  switch (state) {
    case 'pending':
    case 'queued':
    case 'waiting':
      return 'queued';
    case 'in_progress':
      return 'in_progress';
    case 'success':
      return 'success';
    case 'failure':
    case 'error':
      return 'failure';
    default:
      return null;
  }
}

const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);

/** The longest deployment URL we keep; anything longer is not a URL a person opens. */
const MAX_URL_LENGTH = 2000;

/**
 * Where the deployed bot answers, as the deploy job reported it: kept only when it is an
 * http(s) URL (the dashboard links to it; `javascript:` and the like never reach a page).
 */
export function deploymentUrl(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_URL_LENGTH || !URL.canParse(value)) return null;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:' ? value : null;
}

/**
 * Maps one delivery to its effect.
 *
 * @throws {MalformedPayloadError} when a handled event lacks a field we rely on.
 * @example mapEvent('workflow_run', payload).kind // 'deployment'
 */
export function mapEvent(event: string, payload: unknown): EventEffect {
  switch (event) {
    case 'workflow_run': {
      const { action, workflow_run: run } = parsePayload(workflowRunPayload, event, payload);
      const known = WORKFLOW_RUN_ACTIONS.find((candidate) => candidate === action);
      if (!known) return { kind: 'noop', reason: `workflow_run ${action}` };
      return { kind: 'deployment', ...deploymentFromWorkflowRun(run, known) };
    }
    case 'deployment': {
      const {
        action,
        deployment,
        workflow_run: run,
      } = parsePayload(deploymentPayload, event, payload);
      if (action !== 'created') return { kind: 'noop', reason: `deployment ${action}` };
      return {
        kind: 'deployment',
        key: { source: 'deployment', externalId: String(deployment.id) },
        facts: { status: 'queued', ...deploymentFacts(deployment, run) },
        failedRunId: null,
      };
    }
    case 'deployment_status': {
      const parsed = parsePayload(deploymentStatusPayload, event, payload);
      const { deployment_status: update, deployment, workflow_run: run } = parsed;
      const status = deploymentState(update.state);
      if (!status) return { kind: 'noop', reason: `deployment_status ${update.state}` };
      const finished = status === 'success' || status === 'failure';
      return {
        kind: 'deployment',
        key: { source: 'deployment', externalId: String(deployment.id) },
        facts: {
          status,
          ...deploymentFacts(deployment, run),
          environment: update.environment ?? deployment.environment ?? null,
          url: deploymentUrl(update.environment_url),
          logsUrl: update.log_url || update.target_url || run?.html_url || null,
          completedAt: finished ? toDate(update.updated_at) : null,
        },
        failedRunId: null,
      };
    }
    case 'push': {
      const push = parsePayload(pushPayload, event, payload);
      return {
        kind: 'push',
        metadata: {
          event: 'push',
          ref: push.ref,
          after: push.after,
          commits: push.commits.length,
          pusher: push.pusher?.name ?? null,
          message: storableText(push.head_commit?.message)?.split('\n')[0] ?? null,
        },
      };
    }
    case 'ping':
      return { kind: 'ping', hookId: parsePayload(pingPayload, event, payload).hook_id ?? null };
    default:
      return { kind: 'ignored' };
  }
}

function deploymentFacts(
  deployment: z.infer<typeof deploymentObject>,
  run: z.infer<typeof workflowRunLink>,
): Omit<DeploymentFacts, 'status'> {
  return {
    environment: deployment.environment ?? null,
    commitSha: deployment.sha ?? null,
    branch: deployment.ref ?? null,
    workflowName: run?.name ?? null,
    logsUrl: run?.html_url ?? null,
    startedAt: toDate(deployment.created_at),
  };
}
