import { describe, type ExpectStatic, it } from 'vitest';
import { background } from './background-checks';
import {
  createLimiter,
  explain,
  type MatrixEntry,
  selectedEntries,
  storeEnv,
  userEnv,
  writeProject,
} from './generated-projects';
import { configOf } from './helpers';

// Generates projects, installs them from the npm registry and runs their own checks the way a
// user would: install, typecheck, test, build, then starts the built bot. The default run
// checks Discord alone, all seven platforms, all seven with every feature and automation, and
// the smallest project; BOTSMITH_GENERATED_MATRIX=platforms adds each platform alone and
// =features every session store, both AI providers and pnpm (see generated-projects.ts).
// The npm cache is shared (npm_config_cache when set) and used offline first.
const MINUTES = 60_000;
// Two at a time: each install and Vitest run keeps a core busy.
const limit = createLimiter(2);

async function checkProject(entry: MatrixEntry, expect: ExpectStatic): Promise<string> {
  const config = configOf(entry.input);
  const platforms = new Set<string>(config.platforms);
  const features = new Set<string>(config.features);
  const services = await storeEnv();
  const env = { ...userEnv(), ...services };
  const project = await writeProject(entry.input, env);
  const timings: string[] = [];
  const step = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await action();
    timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return result;
  };
  const pm = project.packageManagerName;
  try {
    const install = await step('install', () => project.install());
    expect(install.code, explain(`${pm} install`, install)).toBe(0);
    for (const script of ['typecheck', 'test', 'build']) {
      const result = await step(script, () => project.packageManager('run', script));
      expect(result.code, explain(`${pm} run ${script}`, result)).toBe(0);
      if (script !== 'test') continue;
      expect(result.stdout).toMatch(/Tests\s+\d+ passed/);
      const store = features.has('sessions') ? config.sessions.store : 'memory';
      const storeUrl = store === 'redis' ? services.REDIS_URL : services.DATABASE_URL;
      if (store !== 'memory' && storeUrl) {
        // The real store was reachable, so its tests must have run rather than skipped.
        expect(result.stdout).toMatch(new RegExp(`✓ test/${store}-store\\.test\\.ts`));
      }
    }

    // Without credentials the built bot names what to set and exits 1.
    const start = await step('start', () => project.node(['dist/index.js'], env));
    expect(start.code, explain('node dist/index.js', start)).toBe(1);
    expect(start.stderr).toContain('No chat platform is configured');
    if (platforms.has('discord')) expect(start.stderr).toContain('DISCORD_TOKEN');
    if (platforms.has('cli')) expect(start.stderr).toContain(`${pm} run chat`);

    // The echo reply is what the bot says without AI; with it, the reply needs a provider.
    if (platforms.has('webchat') && features.has('health') && !features.has('ai')) {
      await step('serve', () => background(project.dir, env, expect));
    }
    if (platforms.has('cli') && !features.has('ai')) {
      const chat = await step('chat', () => project.node(['dist/chat.js'], env, 'hello\n/quit\n'));
      expect(chat.code, explain('node dist/chat.js', chat)).toBe(0);
      expect(chat.stdout).toBe('You said: hello\n');
    }
    return `${entry.name}: ${timings.join(', ')}`;
  } finally {
    await project.remove();
  }
}

describe.concurrent('generated projects', () => {
  for (const entry of selectedEntries()) {
    it(`${entry.name}: installs, type-checks, passes its tests, builds and starts`, {
      timeout: 30 * MINUTES,
    }, async ({ expect }) => {
      console.log(await limit(() => checkProject(entry, expect)));
    });
  }
});
