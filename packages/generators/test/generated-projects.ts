import { type BuildConfigInput, PLATFORM_IDS } from '@botsmith/shared';

/** One generated project the matrix installs and checks. */
export interface MatrixEntry {
  name: string;
  input: BuildConfigInput;
  /** Part of the default test run; the others run with BOTSMITH_GENERATED_MATRIX=platforms. */
  always: boolean;
}

// A terminal bot cannot have the health endpoint (no HTTP server), so the CLI leaves it out.
function platformAlone(platform: (typeof PLATFORM_IDS)[number]): MatrixEntry {
  return {
    name: `${platform} alone`,
    input:
      platform === 'cli'
        ? { platforms: [platform], features: ['commands', 'sessions'] }
        : { platforms: [platform] },
    always: platform === 'discord',
  };
}

/** Each platform alone, then all seven in one project. */
export const MATRIX: readonly MatrixEntry[] = [
  ...PLATFORM_IDS.map(platformAlone),
  { name: 'all seven platforms', input: { platforms: [...PLATFORM_IDS] }, always: true },
];

/** The entries this run checks, from BOTSMITH_GENERATED_MATRIX (`platforms` for all of them). */
export function selectedEntries(env: NodeJS.ProcessEnv = process.env): MatrixEntry[] {
  const full = env.BOTSMITH_GENERATED_MATRIX === 'platforms';
  return MATRIX.filter((entry) => full || entry.always);
}

/** The environment without what pnpm injects for the workspace, so npm behaves as for a user. */
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    const fromWorkspace =
      (lower.startsWith('npm_') &&
        lower !== 'npm_config_cache' &&
        lower !== 'npm_config_registry') ||
      lower.startsWith('pnpm_') ||
      key === 'NODE_OPTIONS' ||
      key === 'FORCE_COLOR' ||
      key === 'VITEST' ||
      key.startsWith('VITEST_');
    // Platform credentials or a PORT of the machine would change what the bot starts.
    const botSetting =
      key === 'PORT' || /^(DISCORD|TELEGRAM|WHATSAPP|SLACK|TWITTER|WEBCHAT)_/.test(key);
    if (!fromWorkspace && !botSetting) env[key] = value;
  }
  return { ...env, CI: 'true', NODE_ENV: 'test', NO_COLOR: '1' };
}

/** Runs tasks with at most `limit` at a time, in the order they asked. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next waiter, so none can jump the queue.
    if (active < limit) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
