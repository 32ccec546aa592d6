import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from 'octokit';
import { type GitHubEmulator, startGitHubEmulator } from '../src/index';

/** Starts an emulator on a random port. */
export function startTestEmulator(): Promise<GitHubEmulator> {
  return startGitHubEmulator({ port: 0 });
}

/** Calls the control API with JSON. */
export async function control<T = unknown>(
  emulator: GitHubEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Mints a token for `login` through the control API. */
export async function tokenFor(
  emulator: GitHubEmulator,
  login: string,
  scopes: string[],
): Promise<string> {
  const { body } = await control<{ token: string }>(emulator, 'POST', '/_emulator/tokens', {
    login,
    scopes,
  });
  return body.token;
}

/** An Octokit client against the emulator, with retries and throttling off unless asked. */
export function octokitFor(
  baseUrl: string,
  token: string,
  options: ConstructorParameters<typeof Octokit>[0] = {},
): Octokit {
  return new Octokit({
    auth: token,
    baseUrl,
    retry: { enabled: false },
    throttle: { enabled: false },
    ...options,
  });
}

/** A request received by the test webhook receiver. */
export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A tiny webhook receiver: records every POST and answers with `status` (default 202). */
export async function startReceiver(status = 202) {
  const received: ReceivedHook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/github`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Verifies `X-Hub-Signature-256` the way a receiver must: HMAC of the raw body, constant time. */
export function verifySignature(
  secret: string,
  body: string,
  header: string | string[] | undefined,
): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const actual = Buffer.from(header);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
