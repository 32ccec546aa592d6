import { parseArgs } from 'node:util';
import { startGitHubEmulator } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    'public-url': { type: 'string' },
    'no-seed': { type: 'boolean', default: false },
  },
});

const emulator = await startGitHubEmulator({
  port: Number(values.port),
  host: values.host,
  publicUrl: values['public-url'],
  seed: !values['no-seed'],
});

process.stdout.write(
  [
    `GitHub emulator listening on ${emulator.url}`,
    `  OAuth:   ${emulator.url}/login/oauth/authorize (client botsmith-dev-client / botsmith-dev-secret)`,
    `  REST:    ${emulator.url} and ${emulator.url}/api/v3`,
    `  Control: ${emulator.url}/_emulator/state`,
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.stop().then(() => process.exit(0));
  });
}
