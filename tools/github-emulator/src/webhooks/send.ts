import { createHmac, randomUUID } from 'node:crypto';
import { type Delivery, type EmulatorState, type Hook, nextId, type Repo } from '../state';

// GitHub gives a receiver 10 seconds before it records the delivery as timed out.
const DELIVERY_TIMEOUT_MS = 10_000;

/** An event to send to a repository's hooks. */
export interface OutgoingEvent {
  event: string;
  payload: Record<string, unknown>;
}

function subscribed(hook: Hook, event: string): boolean {
  // `ping` goes only to the hook that was created or pinged, never by subscription.
  return (
    hook.active && event !== 'ping' && (hook.events.includes(event) || hook.events.includes('*'))
  );
}

function encodeBody(hook: Hook, payload: Record<string, unknown>): { body: string; type: string } {
  const json = JSON.stringify(payload);
  if (hook.config.contentType === 'form') {
    return {
      body: `payload=${encodeURIComponent(json)}`,
      type: 'application/x-www-form-urlencoded',
    };
  }
  return { body: json, type: 'application/json' };
}

/** `X-Hub-Signature-256` (and legacy `X-Hub-Signature`) over the exact body bytes. */
export function signatureHeaders(secret: string | null, body: string): Record<string, string> {
  if (!secret) return {};
  return {
    'X-Hub-Signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
    'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ statusCode: number | null; responseBody: string | null; error: string | null }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    const text = await response.text();
    return { statusCode: response.status, responseBody: text.slice(0, 10_000), error: null };
  } catch (error) {
    // A dead receiver is the receiver's problem: record it like GitHub's "Recent deliveries".
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const text = error instanceof Error ? error.message : String(error);
    const message = timedOut ? 'timed out' : cause ? `${text} (${cause})` : text;
    return { statusCode: null, responseBody: null, error: message };
  }
}

/** Sends one delivery to one hook and records it; never throws. */
export async function deliverToHook(
  state: EmulatorState,
  repo: Repo,
  hook: Hook,
  event: string,
  body: {
    payload: Record<string, unknown>;
    guid: string;
    redelivery: boolean;
    /** The exact bytes and content type of an earlier delivery, for redelivery. */
    raw?: { body: string; type: string };
  },
): Promise<Delivery> {
  const encoded = encodeBody(hook, body.payload);
  const raw = body.raw?.body ?? encoded.body;
  const headers: Record<string, string> = {
    Accept: '*/*',
    'Content-Type': body.raw?.type ?? encoded.type,
    'User-Agent': 'GitHub-Hookshot/emulator',
    'X-GitHub-Event': event,
    'X-GitHub-Delivery': body.guid,
    'X-GitHub-Hook-ID': String(hook.id),
    'X-GitHub-Hook-Installation-Target-Type': 'repository',
    'X-GitHub-Hook-Installation-Target-ID': String(repo.id),
    ...signatureHeaders(hook.config.secret, raw),
  };
  const started = performance.now();
  const deliveredAt = new Date().toISOString();
  const result = await post(hook.config.url, headers, raw);
  const delivery: Delivery = {
    id: nextId(state, 'other'),
    guid: body.guid,
    event,
    action: typeof body.payload.action === 'string' ? body.payload.action : null,
    hookId: hook.id,
    repo: `${repo.owner}/${repo.name}`,
    url: hook.config.url,
    redelivery: body.redelivery,
    deliveredAt,
    durationMs: Math.round(performance.now() - started),
    requestHeaders: headers,
    requestBody: raw,
    ...result,
  };
  state.deliveries.push(delivery);
  hook.lastResponse = {
    code: result.statusCode,
    status: result.error
      ? 'failed'
      : result.statusCode && result.statusCode < 400
        ? 'active'
        : 'failed',
    message:
      result.error ??
      (result.statusCode && result.statusCode < 400 ? 'OK' : 'Invalid HTTP Response'),
  };
  return delivery;
}

/**
 * Delivers an event to every active hook subscribed to it (or to `*`), in parallel, with one
 * shared GUID as GitHub does; resolves when every receiver has answered or failed.
 */
export async function deliverEvent(
  state: EmulatorState,
  repo: Repo,
  { event, payload }: OutgoingEvent,
): Promise<Delivery[]> {
  const hooks = [...repo.hooks.values()].filter((hook) => subscribed(hook, event));
  const guid = randomUUID();
  return Promise.all(
    hooks.map((hook) =>
      deliverToHook(state, repo, hook, event, { payload, guid, redelivery: false }),
    ),
  );
}

/**
 * Sends a recorded delivery again with the same GUID and body — a receiver must dedupe on
 * `X-GitHub-Delivery`. Undefined when the delivery or its hook no longer exists.
 */
export async function redeliver(
  state: EmulatorState,
  deliveryId: number,
): Promise<Delivery | undefined> {
  const original = state.deliveries.find((d) => d.id === deliveryId);
  if (!original) return undefined;
  const repo = state.repos.get(original.repo.toLowerCase());
  const hook = repo?.hooks.get(original.hookId);
  if (!repo || !hook) return undefined;
  const type = original.requestHeaders['Content-Type'] ?? 'application/json';
  const json =
    type === 'application/json'
      ? original.requestBody
      : decodeURIComponent(original.requestBody.replace(/^payload=/, ''));
  return deliverToHook(state, repo, hook, original.event, {
    payload: JSON.parse(json) as Record<string, unknown>,
    guid: original.guid,
    redelivery: true,
    raw: { body: original.requestBody, type },
  });
}
