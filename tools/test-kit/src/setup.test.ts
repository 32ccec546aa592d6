import { createServer } from 'node:http';
import { expect, test } from 'vitest';
import { scaledTimeout, testSlowdown } from './index';
import { isLoopback } from './network-guard';

test('loopback hosts are told apart from the rest', () => {
  for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', 'api.localhost']) {
    expect(isLoopback(host), host).toBe(true);
  }
  for (const host of ['api.github.com', '10.0.0.1', '192.168.1.1', '8.8.8.8', '::ffff:8.8.8.8']) {
    expect(isLoopback(host), host).toBe(false);
  }
});

test('connections to this machine go through', async () => {
  const server = createServer((_req, res) => res.end('here'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('here');
  } finally {
    server.close();
  }
});

test('timeouts scale with the measured slowdown, never below what is written', () => {
  expect(testSlowdown()).toBeGreaterThanOrEqual(1);
  expect(scaledTimeout(1_000)).toBe(Math.round(1_000 * testSlowdown()));
});
