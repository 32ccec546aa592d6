import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateFrom } from '../../test/helpers';

// The delivery scripts run for real under bash, with the host CLIs replaced by stubs that
// record their arguments (and stdin), so what reaches the host and what is printed is checked.
const dir = mkdtempSync(join(tmpdir(), 'delivery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RECORD = join(dir, 'calls.log');
for (const tool of ['flyctl', 'npx', 'curl']) {
  const stub = join(dir, tool);
  // Each call: its arguments, one per line, then what it read on stdin (curl's body).
  writeFileSync(
    stub,
    `#!/usr/bin/env bash\n{ echo "${tool}"; printf '%s\\n' "$@"; ${tool === 'curl' ? 'cat; echo;' : ''} echo "--"; } >> "${RECORD}"\n${tool === 'curl' ? 'echo \'{"key":"x"}\'' : ''}\n`,
  );
  chmodSync(stub, 0o755);
}

type Step = { name?: string; run?: string };

function deliveryOf(target: 'fly' | 'railway' | 'render'): string {
  const { file } = generateFrom({
    platforms: ['telegram'],
    features: ['commands', 'health'],
    deploy: { target },
    automation: { deploy: true },
  });
  const steps = parseYaml(file('.github/workflows/deploy.yml')).jobs.deploy.steps as Step[];
  return steps.find((step) => step.name?.startsWith('Deliver'))?.run ?? '';
}

function run(script: string, env: Record<string, string>) {
  writeFileSync(RECORD, '');
  // As GitHub runs a `run:` step: bash -e, the values only in the environment.
  const result = spawnSync('bash', ['-e', '-c', script], {
    env: { PATH: `${dir}:${process.env.PATH ?? ''}`, ...env },
    encoding: 'utf8',
  });
  return { ...result, calls: readFileSync(RECORD, 'utf8') };
}

const TOKEN = 'tg-token-value-123';
const SECRET = 'webhook-secret-456';

describe('delivery scripts', () => {
  it.each(['fly', 'railway', 'render'] as const)(
    '%s: a required name without a value fails the step, naming it, before anything is sent',
    (target) => {
      const result = run(deliveryOf(target), {
        RENDER_SERVICE_ID: 'srv-abc123',
        RAILWAY_SERVICE: '',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('::error::TELEGRAM_BOT_TOKEN is not set');
      expect(result.calls).toBe('');
    },
  );

  it('fly: stages every non-empty value in one call and prints none of them', () => {
    const result = run(deliveryOf('fly'), {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_WEBHOOK_URL: '',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.calls).toBe(
      [
        'flyctl',
        'secrets',
        'set',
        '--stage',
        `TELEGRAM_BOT_TOKEN=${TOKEN}`,
        `TELEGRAM_WEBHOOK_SECRET=${SECRET}`,
        '--',
        '',
      ].join('\n'),
    );
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('railway: sets the variables without a deploy, on the named service', () => {
    const result = run(deliveryOf('railway'), {
      TELEGRAM_BOT_TOKEN: TOKEN,
      RAILWAY_SERVICE: 'bot',
    });
    expect(result.status, result.stderr).toBe(0);
    const args = result.calls.split('\n');
    expect(args).toEqual([
      'npx',
      '--yes',
      '@railway/cli@5',
      'variable',
      'set',
      '--skip-deploys',
      '--service',
      'bot',
      `TELEGRAM_BOT_TOKEN=${TOKEN}`,
      '--',
      '',
    ]);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('render: PUTs each key with its value only in the request body', () => {
    const result = run(deliveryOf('render'), {
      TELEGRAM_BOT_TOKEN: TOKEN,
      RENDER_API_KEY: 'rnd_key',
      RENDER_SERVICE_ID: 'srv-abc123',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.calls).toContain(
      'https://api.render.com/v1/services/srv-abc123/env-vars/TELEGRAM_BOT_TOKEN',
    );
    expect(result.calls).toContain('PUT');
    expect(result.calls).toContain(`{"value":"${TOKEN}"}`);
    expect(result.calls).not.toContain('env-vars/TELEGRAM_WEBHOOK_SECRET');
    expect(result.stdout).toBe('Set TELEGRAM_BOT_TOKEN on Render\n');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });
});
