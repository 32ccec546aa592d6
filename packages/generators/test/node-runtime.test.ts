import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { NodeVersion } from '@botsmith/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRuntimeError, obtainNode, withNode } from '../verify/node-runtime';

// Only what needs no registry: the binary this process runs on, a binary named by the
// environment, a cache entry, and the refusals. Installing from the registry is what
// `pnpm verify:generated` does on every run that needs another major.
// Majors as strings: this machine's own may not be one generated projects offer.
const major = process.versions.node.split('.')[0] as NodeVersion;
const other: NodeVersion = major === '24' ? '26' : '24';

describe('obtainNode', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'botsmith-node-runtime-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('uses the Node running this when it is the wanted major', async () => {
    const binary = await obtainNode(major, { cacheDir: dir, env: {} });
    expect(binary).toMatchObject({ version: process.version, node: process.execPath });
  });

  it('uses BOTSMITH_VERIFY_NODE_<major> when set, and refuses one of another major', async () => {
    const env = { [`BOTSMITH_VERIFY_NODE_${other}`]: process.execPath };
    await expect(obtainNode(other, { cacheDir: join(dir, 'given'), env })).rejects.toThrow(
      new RegExp(`BOTSMITH_VERIFY_NODE_${other}=.* is ${process.version}, not Node ${other}`),
    );
  });

  it('reuses a cached binary of the wanted major without installing', async () => {
    if (process.platform === 'win32') return;
    // A stand-in `node` that answers --version like Node of the other major would.
    const bin = join(
      dir,
      'cache',
      other,
      'node_modules',
      `node-${process.platform}-${process.arch}`,
      'bin',
    );
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'node'), `#!/bin/sh\necho v${other}.1.2\n`);
    await chmod(join(bin, 'node'), 0o755);
    const binary = await obtainNode(other, { cacheDir: join(dir, 'cache'), env: {} });
    expect(binary).toMatchObject({ version: `v${other}.1.2`, node: join(bin, 'node') });
    expect(binary.origin).toContain('cached in');
  });

  it('fails clearly, naming the package and the way out, when the install fails', async () => {
    const env = { PATH: join(dir, 'nowhere'), npm_config_registry: 'http://127.0.0.1:9' };
    const error = await obtainNode(other, {
      cacheDir: join(dir, 'failing'),
      env,
      timeoutMs: 30_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeRuntimeError);
    expect((error as Error).message).toMatch(
      new RegExp(`Node ${other} is needed, and \`npm install node-.+@${other}\` failed`),
    );
    expect((error as Error).message).toContain(`BOTSMITH_VERIFY_NODE_${other}`);
  });
});

describe('withNode', () => {
  it("puts the binary's directory first on PATH", () => {
    const env = withNode(
      { PATH: '/usr/bin' },
      { major: '24', version: 'v24.0.0', node: '/opt/n/bin/node', origin: '' },
    );
    expect(env.PATH).toBe(`/opt/n/bin${delimiter}/usr/bin`);
  });
});
