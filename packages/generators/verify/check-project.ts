import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type BuildConfig, buildConfigSchema } from '@botsmith/shared';
import { generate } from '../src/index';
import { packageManagerOf } from '../src/lib/package-manager';
import { SHARED_LOCKFILE_CACHE_DIR, withLockfile } from '../src/lockfile';
import type { MatrixEntry } from './matrix';
import { type NodeBinary, obtainNode, withNode } from './node-runtime';
import { type RunResult, run } from './processes';
import { smokeTest } from './smoke';

/**
 * The checks a generated project goes through, in order; the first failure ends the run. `node`
 * obtains the Node major the project chose and checks that the project's scripts run on it;
 * `lockfile` resolves the lockfile as Botsmith does when it hands a project out, so `install`
 * runs the project's own frozen install (`npm ci`).
 */
export const STEPS = [
  'node',
  'lockfile',
  'install',
  'typecheck',
  'lint',
  'build',
  'test',
  'start',
] as const;
export type StepName = (typeof STEPS)[number];

/** One finished step: passed or not, its duration and, when it failed, why. */
export interface StepOutcome {
  ok: boolean;
  seconds: number;
  failure?: string;
  /** What the step found out, for the progress line (the Node version for `node`). */
  detail?: string;
}

/** Everything `checkProject` found out about one matrix entry. */
export interface ProjectOutcome {
  name: string;
  ok: boolean;
  steps: Partial<Record<StepName, StepOutcome>>;
  /** The Node version the project ran on, such as `v24.22.3`, once the `node` step passed. */
  node?: string;
  seconds: number;
  /** What failed, with the command's output tail; the project directory is then kept. */
  failure?: string;
}

/** What a project's checks run with. */
export interface CheckOptions {
  /** The environment of every command (see `userEnv`), with REDIS_URL / DATABASE_URL if any. */
  env: NodeJS.ProcessEnv;
  /** Called after each step, for progress lines. */
  onStep?: (step: StepName, outcome: StepOutcome) => void;
  /** Finds the Node binary of a major; `obtainNode` (registry install, cached) by default. */
  obtainNode?: typeof obtainNode;
}

const STEP_TIMEOUT_MS = 15 * 60_000;
const TAIL_LINES = 40;

function tail(result: RunResult): string {
  return result.output.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}

/** Throws an error naming the command unless it exited 0. */
function expectSuccess(label: string, result: RunResult): RunResult {
  if (result.code === 0) return result;
  const how = result.timedOut ? 'timed out' : `exited ${result.code}`;
  throw new Error(`\`${label}\` ${how}\n${tail(result)}`);
}

/**
 * The project's own scripts, run as its README tells a user to, on the Node major it chose: that
 * binary's directory comes first on PATH for the package manager and everything it starts.
 */
function projectSteps(
  config: BuildConfig,
  dir: string,
  options: CheckOptions,
  onNode: (binary: NodeBinary) => void,
): Record<StepName, () => Promise<unknown>> {
  const pm = packageManagerOf(config).name;
  const command = process.platform === 'win32' ? `${pm}.cmd` : pm;
  let binary: NodeBinary | undefined;
  let env = options.env;
  const script = async (...args: string[]) =>
    expectSuccess(
      `${pm} ${args.join(' ')}`,
      await run(command, args, { cwd: dir, env, timeoutMs: STEP_TIMEOUT_MS }),
    );
  const features = new Set<string>(config.features);
  return {
    node: async () => {
      const major = config.runtime.nodeVersion;
      binary = await (options.obtainNode ?? obtainNode)(major, { env: options.env });
      onNode(binary);
      env = withNode(options.env, binary);
      // What the project's scripts see, asked through the package manager as `npm run` would.
      const { stdout } = await (pm === 'pnpm'
        ? script('exec', 'node', '--version')
        : script('exec', '--call', 'node --version'));
      const seen = stdout.trim();
      if (seen !== binary.version) {
        throw new Error(`the project's scripts run Node ${seen}, not ${binary.version}`);
      }
      return `${seen}, ${binary.origin}`;
    },
    lockfile: async () => {
      const files = await withLockfile(generate(config).files, {
        timeoutMs: STEP_TIMEOUT_MS,
        cacheDir: SHARED_LOCKFILE_CACHE_DIR,
      });
      const lock = files.find((file) => file.path === packageManagerOf(config).lockfile);
      if (!lock) throw new Error('no lockfile was resolved');
      await writeFile(join(dir, lock.path), lock.content);
    },
    // Exactly the install CI and the Dockerfile run, preferring the download cache.
    install: () =>
      script(...packageManagerOf(config).install.split(' ').slice(1), '--prefer-offline'),
    typecheck: () => script('run', 'typecheck'),
    lint: () => script('run', 'lint'),
    build: () => script('run', 'build'),
    test: async () => {
      const { stdout } = await script('test');
      if (!/Tests\s+\d+ passed/.test(stdout)) {
        throw new Error(`\`${pm} test\` ran no passing tests\n${stdout}`);
      }
      const store = features.has('sessions') ? config.sessions.store : 'memory';
      const storeUrl = store === 'redis' ? env.REDIS_URL : env.DATABASE_URL;
      // The real store was reachable, so its tests must have run rather than skipped.
      if (store !== 'memory' && storeUrl && !stdout.includes(`✓ test/${store}-store.test.ts`)) {
        throw new Error(`the ${store} store tests did not run against ${storeUrl}`);
      }
    },
    start: () => {
      if (!binary) throw new Error('no Node binary: the node step did not run');
      return smokeTest(config, dir, env, binary.node);
    },
  };
}

/** Writes the generated files into a new temporary directory. */
async function writeProject(name: string, config: BuildConfig): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `botsmith-verify-${name}-`));
  for (const { path, content } of generate(config).files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/**
 * Generates the entry's project in a temporary directory and checks it the way a user would, on
 * the Node major its config chose (see `obtainNode`): install from the registry (the shared cache
 * first), type-check, build, run its tests, start the built bot (see `smokeTest`). Passed projects are removed, failed ones kept for inspection.
 *
 * @example
 * const env = { ...userEnv(), ...(await storeEnv()) };
 * const outcome = await checkProject(entry, { env });
 */
export async function checkProject(
  entry: MatrixEntry,
  options: CheckOptions,
): Promise<ProjectOutcome> {
  const started = Date.now();
  const outcome: ProjectOutcome = { name: entry.name, ok: true, steps: {}, seconds: 0 };
  let dir: string | undefined;
  try {
    const config = buildConfigSchema.parse(entry.input);
    dir = await writeProject(entry.name, config);
    const steps = projectSteps(config, dir, options, (binary) => {
      outcome.node = binary.version;
    });
    for (const name of STEPS) {
      const stepStarted = Date.now();
      const step: StepOutcome = { ok: true, seconds: 0 };
      try {
        const detail = await steps[name]();
        if (typeof detail === 'string') step.detail = detail;
      } catch (error) {
        step.ok = false;
        step.failure = error instanceof Error ? error.message : String(error);
      }
      step.seconds = (Date.now() - stepStarted) / 1000;
      outcome.steps[name] = step;
      options.onStep?.(name, step);
      if (!step.ok) {
        outcome.ok = false;
        outcome.failure = `${name} failed in ${dir}: ${step.failure}`;
        break;
      }
    }
  } catch (error) {
    // The schema rejected the entry or the generator threw: nothing was installed.
    outcome.ok = false;
    outcome.failure = `generate failed: ${String(error)}`;
  }
  outcome.seconds = (Date.now() - started) / 1000;
  if (outcome.ok && dir) await rm(dir, { recursive: true, force: true });
  return outcome;
}
