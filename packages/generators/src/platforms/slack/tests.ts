/** `test/slack.test.ts`: signatures, mapping, and Bolt end to end against a local fake Slack API. */
export const SLACK_TEST = `import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { App, webApi } from '@slack/bolt';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { type Command, createBot } from '../src/core/index.js';
import { listen } from '../src/http/server.js';
import { PlatformStates } from '../src/platform-state.js';
import { type Service, startPlatforms } from '../src/runtime.js';
import {
  escapeSlackText,
  messageToIncoming,
  readSlackMode,
  registerSlackHandlers,
  readSlackApiUrl,
  slackAdapter,
  slackNotifier,
  slashCommandToIncoming,
  toSlackMessage,
} from '../src/platforms/slack.js';
import { HonoReceiver, isValidSlackSignature } from '../src/platforms/slack-receiver.js';

const SECRET = 'signing-secret';
const now = () => Math.floor(Date.now() / 1000);
const sign = (body: string, timestamp: number, secret = SECRET) =>
  'v0=' + createHmac('sha256', secret).update('v0:' + timestamp + ':' + body).digest('hex');

function signedRequest(body: string, contentType: string, timestamp = now(), secret = SECRET): Request {
  return new Request('http://localhost/slack/events', {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp, secret) },
    body,
  });
}

describe('Slack request verification', () => {
  const body = 'token=x&command=%2Fmybot&text=help';
  const check = (rawBody: string, signature: string, timestamp: number) =>
    isValidSlackSignature({ signingSecret: SECRET, rawBody, signature, timestamp: String(timestamp) });

  it('accepts a fresh request signed with the signing secret', () => {
    expect(check(body, sign(body, now()), now())).toBe(true);
  });

  it('rejects a tampered body, a wrong secret, a stale timestamp and missing headers', () => {
    expect(check(body + '&x=1', sign(body, now()), now())).toBe(false);
    expect(check(body, sign(body, now(), 'other'), now())).toBe(false);
    const stale = now() - 6 * 60;
    expect(check(body, sign(body, stale), stale)).toBe(false);
    expect(isValidSlackSignature({ signingSecret: SECRET, rawBody: body, signature: undefined, timestamp: undefined })).toBe(false);
  });

  it('answers url_verification and refuses unsigned requests before parsing', async () => {
    const receiver = new HonoReceiver(SECRET);
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc' });
    const ok = await receiver.handle(signedRequest(challenge, 'application/json'));
    expect(await ok.json()).toEqual({ challenge: 'abc' });
    expect((await receiver.handle(signedRequest(challenge, 'application/json', now(), 'wrong'))).status).toBe(401);
    expect((await receiver.handle(signedRequest(challenge, 'application/json', now() - 301))).status).toBe(401);
  });
});

describe('Slack mapping', () => {
  const command = { text: 'help', user_id: 'U1', user_name: 'ada', channel_id: 'C1' };
  it('maps the slash command to core commands or free text', () => {
    const names = ['start', 'help', 'reset'];
    expect(slashCommandToIncoming(command, names)).toEqual({ platform: 'slack', conversationId: 'slack:C1:U1', userId: 'U1', userName: 'ada', text: '/help' });
    expect(slashCommandToIncoming({ ...command, text: '' }, names).text).toBe('/help');
    expect(slashCommandToIncoming({ ...command, text: 'RESET now' }, names).text).toBe('/reset now');
    expect(slashCommandToIncoming({ ...command, text: 'hello there' }, names).text).toBe('hello there');
  });

  it('strips mentions, escapes markup and picks the mode', () => {
    expect(messageToIncoming({ text: '<@U0BOT> hi <@U2|bob>', user: 'U1', channel: 'C1' }).text).toBe('hi');
    expect(messageToIncoming({ text: '<@U0BOT>', user: 'U1', channel: 'C1' }).text).toBe('/help');
    expect(escapeSlackText('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(readSlackMode({ SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' })).toEqual({ kind: 'socket', appToken: 'xapp-1' });
    expect(readSlackMode({ SLACK_SIGNING_SECRET: 's' })).toEqual({ kind: 'http', signingSecret: 's' });
    expect(() => readSlackMode({})).toThrow(/SLACK_APP_TOKEN/);
  });
});

describe('Slack choices', () => {
  it('renders choices as buttons in an actions block, keeping the text as fallback', () => {
    const message = toSlackMessage([{ text: 'Pick <one>', choices: [{ label: 'Español', value: '/lang es' }] }, { text: 'More' }]);
    expect(message.text).toBe('Pick &lt;one&gt;\\nMore');
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Pick &lt;one&gt;' } },
      { type: 'actions', elements: [{ type: 'button', action_id: 'botsmith_choice_0', text: { type: 'plain_text', text: 'Español' }, value: '/lang es' }] },
      { type: 'section', text: { type: 'mrkdwn', text: 'More' } },
    ]);
    expect(toSlackMessage([{ text: 'plain' }])).toEqual({ text: 'plain' });
  });
});

describe('Slack HTTP mode end to end', () => {
  // A local stand-in for slack.com: records chat.postMessage calls and response_url posts.
  const posted: Record<string, unknown>[] = [];
  let base = '';
  let close: () => Promise<unknown> = async () => undefined;
  const receiver = new HonoReceiver(SECRET);

  beforeAll(async () => {
    const fake = new Hono()
      .post('/api/chat.postMessage', async (c) => {
        posted.push(Object.fromEntries(new URLSearchParams(await c.req.text())));
        return c.json({ ok: true, channel: 'D1', ts: '2.0' });
      })
      .post('/respond', async (c) => {
        posted.push(await c.req.json());
        return c.text('ok');
      });
    const { server, port } = await listen(fake, 0);
    base = 'http://127.0.0.1:' + port;
    close = () => new Promise((resolve) => server.close(resolve));
    const app = new App({
      receiver,
      authorize: async () => ({ botToken: 'xoxb-test', botId: 'B1', botUserId: 'U0BOT' }),
      clientOptions: { slackApiUrl: base + '/api/' },
    });
    // Commands of its own, so the test holds whichever features the project has.
    const help: Command = { name: 'help', description: 'List commands', run: ({ commands }) => [{ text: commands.map((c) => '/' + c.name).join(' ') }] };
    const reset: Command = { name: 'reset', description: 'Forget', run: () => [{ text: 'Forgotten.' }] };
    const bot = createBot({ info: { name: 'Test', description: 'Test bot.' }, commands: [help, reset] });
    registerSlackHandlers(app, bot);
  });
  afterAll(() => close());

  it('answers a direct message through chat.postMessage', async () => {
    posted.length = 0;
    const event = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hello <!channel>', ts: '1.0' };
    const body = JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: 'Ev1', event_time: 1, event });
    expect((await receiver.handle(signedRequest(body, 'application/json'))).status).toBe(200);
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0]).toMatchObject({ channel: 'D1', text: 'You said: hello &lt;!channel&gt;' });
  });

  it('acknowledges a slash command at once and responds through response_url', async () => {
    posted.length = 0;
    const form = new URLSearchParams({ command: '/mybot', text: 'help', user_id: 'U1', user_name: 'ada', channel_id: 'C1', team_id: 'T1', api_app_id: 'A1', response_url: base + '/respond', trigger_id: '1' });
    const response = await receiver.handle(signedRequest(form.toString(), 'application/x-www-form-urlencoded'));
    expect(response.status).toBe(200);
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0]).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/reset') });
  });

  it('acknowledges a pressed choice button and answers its value through response_url', async () => {
    posted.length = 0;
    const payload = {
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U1' },
      channel: { id: 'C1' },
      api_app_id: 'A1',
      token: 'x',
      trigger_id: '1',
      response_url: base + '/respond',
      actions: [{ type: 'button', action_id: 'botsmith_choice_0', block_id: 'b', value: '/reset', action_ts: '1' }],
    };
    const form = new URLSearchParams({ payload: JSON.stringify(payload) });
    const response = await receiver.handle(signedRequest(form.toString(), 'application/x-www-form-urlencoded'));
    expect(response.status).toBe(200);
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0]).toMatchObject({ replace_original: false, text: 'Forgotten.' });
  });

  it('posts scheduled messages and broadcasts with chat.postMessage', async () => {
    posted.length = 0;
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: base + '/api/' });
    await slackNotifier(client).send('C42', [{ text: 'Good <morning>' }]);
    expect(posted).toEqual([expect.objectContaining({ channel: 'C42', text: 'Good &lt;morning&gt;' })]);
  });
});

describe('Slack against a fake Slack API', () => {
  it('reads SLACK_API_URL', () => {
    expect(readSlackApiUrl({})).toBe('https://slack.com/api/');
    expect(readSlackApiUrl({ SLACK_API_URL: 'http://127.0.0.1:9/api' })).toBe('http://127.0.0.1:9/api/');
    expect(() => readSlackApiUrl({ SLACK_API_URL: 'nope' })).toThrow(/SLACK_API_URL/);
  });

  it('stops only Slack, in one log line, when auth.test refuses the token', async () => {
    const fake = new Hono().post('/api/auth.test', (c) => c.json({ ok: false, error: 'invalid_auth' }));
    const { server, port } = await listen(fake, 0);
    try {
      const other: Service = { name: 'Other', kind: 'platform', requiredEnv: [], start: async () => ({ stop: async () => undefined }) };
      const states = new PlatformStates();
      const lines: { level: string; message: string }[] = [];
      const logger = {
        info: (_: unknown, message: string) => void lines.push({ level: 'info', message }),
        error: (_: unknown, message: string) => void lines.push({ level: 'error', message }),
      };
      const env = { SLACK_BOT_TOKEN: 'xoxb-bad', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'http://127.0.0.1:' + port + '/api/' };
      const bot = createBot({ info: { name: 'Test', description: 'Test bot.' } });
      const running = await startPlatforms([slackAdapter, other], bot, env, { states, logger: logger as never });
      expect(running).toHaveLength(1);
      expect(states.get('Other')?.state).toBe('running');
      expect(states.get('Slack')).toMatchObject({ state: 'failed', reason: expect.stringContaining('invalid_auth') });
      const errors = lines.filter((line) => line.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toMatch(/^Slack failed to start.*invalid_auth/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('acknowledges an event at once while the answer is still being written', async () => {
    const fake = new Hono().post('/api/chat.postMessage', (c) => c.json({ ok: true, channel: 'D1', ts: '2.0' }));
    const { server, port } = await listen(fake, 0);
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    try {
      const receiver = new HonoReceiver(SECRET);
      const app = new App({
        receiver,
        authorize: async () => ({ botToken: 'xoxb-test', botId: 'B1', botUserId: 'U0BOT' }),
        clientOptions: { slackApiUrl: 'http://127.0.0.1:' + port + '/api/' },
      });
      let answering = false;
      const bot = createBot({
        info: { name: 'Test', description: 'Test bot.' },
        plugins: [{ name: 'slow-ai', answer: async () => {
          answering = true;
          await slow;
          return [{ text: 'late' }];
        } }],
      });
      registerSlackHandlers(app, bot);
      const event = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hi', ts: '1.0' };
      const body = JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: 'Ev2', event_time: 1, event });
      const response = await receiver.handle(signedRequest(body, 'application/json'));
      // Answered while the bot is still writing its reply, which waits on the test.
      expect(response.status).toBe(200);
      await expect.poll(() => answering).toBe(true);
    } finally {
      release();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('connects in Socket Mode through SLACK_API_URL, acknowledges an event and posts the reply', { timeout: 20_000 }, async () => {
    // The fake's WebSocket, whose URL apps.connections.open hands out as Slack's wss:// URL would be.
    const sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(sockets, 'listening');
    const socketUrl = 'ws://127.0.0.1:' + (sockets.address() as AddressInfo).port + '/link';
    const calls: { method: string; authorization: string | undefined }[] = [];
    const posted: Record<string, string>[] = [];
    const fake = new Hono()
      .use('/api/:method', async (c, next) => {
        calls.push({ method: c.req.param('method'), authorization: c.req.header('authorization') });
        await next();
      })
      .post('/api/auth.test', (c) => c.json({ ok: true, user_id: 'U0BOT', bot_id: 'B1', team_id: 'T1' }))
      .post('/api/apps.connections.open', (c) => c.json({ ok: true, url: socketUrl }))
      .post('/api/chat.postMessage', async (c) => {
        posted.push(Object.fromEntries(new URLSearchParams(await c.req.text())));
        return c.json({ ok: true, channel: 'C1', ts: '2.0' });
      });
    const { server, port } = await listen(fake, 0);
    const acks: unknown[] = [];
    sockets.on('connection', (socket) => {
      socket.on('message', (data) => acks.push(JSON.parse(String(data))));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
      const event = { type: 'app_mention', user: 'U1', text: '<@U0BOT> hello', ts: '1.0', channel: 'C1', event_ts: '1.0' };
      const payload = { type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: 'Ev3', event_time: 1, event };
      socket.send(JSON.stringify({ envelope_id: 'envelope-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, payload }));
    });
    const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: 'http://127.0.0.1:' + port + '/api/' };
    const bot = createBot({ info: { name: 'Test', description: 'Test bot.' } });
    const running = await slackAdapter.start(bot, env);
    try {
      // The WebSocket URL came from the fake, asked with the app-level token.
      expect(calls).toContainEqual({ method: 'apps.connections.open', authorization: 'Bearer xapp-test' });
      // The envelope is acknowledged (Bolt adds an empty payload) before the reply is posted.
      await expect.poll(() => acks).toContainEqual(expect.objectContaining({ envelope_id: 'envelope-1' }));
      await expect.poll(() => posted).toHaveLength(1);
      expect(posted[0]).toMatchObject({ channel: 'C1', text: 'You said: hello', thread_ts: '1.0' });
    } finally {
      await running.stop();
      // Bolt closes its WebSocket on stop; cutting it from this side first would log an error.
      await expect.poll(() => sockets.clients.size).toBe(0);
      await new Promise((resolve) => sockets.close(resolve));
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
`;
