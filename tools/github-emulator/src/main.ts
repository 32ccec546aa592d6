import { parseArgs } from 'node:util';
import { startGitHubEmulator } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    'public-url': { type: 'string' },
    'no-seed': { type: 'boolean', default: false },
    // Every push and dispatch then runs its workflows to this conclusion, so `pnpm dev`
    // shows the whole loop (setup's first run, live deployments) without a real GitHub.
    'auto-runs': { type: 'string', default: process.env.GITHUB_EMULATOR_AUTO_RUNS },
  },
});

const AUTO_RUN_CONCLUSIONS = ['success', 'failure', 'cancelled'] as const;
const autoRuns = values['auto-runs'];
if (autoRuns && !AUTO_RUN_CONCLUSIONS.some((conclusion) => conclusion === autoRuns)) {
  process.stderr.write(`--auto-runs must be one of ${AUTO_RUN_CONCLUSIONS.join(', ')}\n`);
  process.exit(2);
}

const emulator = await startGitHubEmulator({
  port: Number(values.port),
  host: values.host,
  publicUrl: values['public-url'],
  seed: !values['no-seed'],
});

if (autoRuns) {
  emulator.store.state.settings.autoRuns = {
    conclusion: autoRuns as (typeof AUTO_RUN_CONCLUSIONS)[number],
    delayMs: 2_000,
  };
}

process.stdout.write(
  [
    `GitHub emulator listening on ${emulator.url}`,
    `  OAuth:   ${emulator.url}/login/oauth/authorize (client botsmith-dev-client / botsmith-dev-secret)`,
    `  REST:    ${emulator.url} and ${emulator.url}/api/v3`,
    `  Control: ${emulator.url}/_emulator/state`,
    `  Workflow runs: ${autoRuns ? `simulated, ending in ${autoRuns}` : 'only when driven through the control API'}`,
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.stop().then(() => process.exit(0));
  });
}
