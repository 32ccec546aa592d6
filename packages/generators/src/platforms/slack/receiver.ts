/** `src/platforms/slack-receiver.ts`: Bolt's HTTP mode on the shared Hono server. */
export const SLACK_RECEIVER = `import { parse } from 'node:querystring';
import { type App, type Receiver, type ReceiverEvent, ReceiverMultipleAckError, verifySlackRequest } from '@slack/bolt';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { log } from '../log.js';

/**
 * Verifies Slack's request signature with Bolt: HMAC-SHA256 of "v0:" + timestamp + ":" + raw
 * body with the signing secret, compared in constant time, timestamp at most 5 minutes old.
 */
export function isValidSlackSignature(options: {
  signingSecret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMilliseconds?: number;
}): boolean {
  const { signingSecret, rawBody, signature, timestamp } = options;
  if (!signature || !timestamp) return false;
  try {
    verifySlackRequest({
      signingSecret,
      body: rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
      ...(options.nowMilliseconds === undefined ? {} : { nowMilliseconds: options.nowMilliseconds }),
    });
    return true;
  } catch {
    return false;
  }
}

/** Slash commands arrive form-encoded, interactions as a form field "payload", events as JSON. */
export function parseSlackBody(rawBody: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const form = parse(rawBody);
    return typeof form.payload === 'string' ? JSON.parse(form.payload) : { ...form };
  }
  return JSON.parse(rawBody);
}

/**
 * A Bolt receiver serving POST /slack/events on a Hono app, so Slack's HTTP mode shares the
 * port of the other routes. It answers as soon as a listener calls ack(), like Bolt's own
 * HTTPReceiver: Slack expects an answer within 3 seconds.
 */
export class HonoReceiver implements Receiver {
  readonly routes: Hono;
  #app: Pick<App, 'processEvent'> | undefined;

  constructor(private readonly signingSecret: string) {
    this.routes = new Hono().post('/', bodyLimit({ maxSize: 1024 * 1024 }), (c) =>
      this.handle(c.req.raw),
    );
  }

  init(app: Pick<App, 'processEvent'>): void {
    this.#app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async handle(request: Request): Promise<Response> {
    const rawBody = await request.text();
    const valid = isValidSlackSignature({
      signingSecret: this.signingSecret,
      rawBody,
      signature: request.headers.get('x-slack-signature') ?? undefined,
      timestamp: request.headers.get('x-slack-request-timestamp') ?? undefined,
    });
    if (!valid) return new Response('Invalid signature', { status: 401 });
    let body: Record<string, unknown>;
    try {
      body = parseSlackBody(rawBody, request.headers.get('content-type') ?? undefined);
    } catch {
      return new Response('Invalid body', { status: 400 });
    }
    if (body.ssl_check) return new Response('');
    if (body.type === 'url_verification') return Response.json({ challenge: body.challenge });
    const app = this.#app;
    if (!app) return new Response('Not ready', { status: 503 });

    const retryNum = Number(request.headers.get('x-slack-retry-num') ?? Number.NaN);
    const retryReason = request.headers.get('x-slack-retry-reason');
    return new Promise<Response>((resolve) => {
      let acknowledged = false;
      const event: ReceiverEvent = {
        body,
        ...(Number.isNaN(retryNum) ? {} : { retryNum }),
        ...(retryReason === null ? {} : { retryReason }),
        ack: async (response?: unknown) => {
          if (acknowledged) throw new ReceiverMultipleAckError();
          acknowledged = true;
          if (response === undefined || response === null || response === '') resolve(new Response(''));
          else if (typeof response === 'string') resolve(new Response(response));
          else resolve(Response.json(response));
        },
      };
      app.processEvent(event).then(
        () => {
          if (!acknowledged) resolve(new Response('', { status: 404 }));
        },
        (error: unknown) => {
          log.error({ err: error }, 'Slack: a listener failed');
          if (!acknowledged) resolve(new Response('', { status: 500 }));
        },
      );
    });
  }
}
`;
