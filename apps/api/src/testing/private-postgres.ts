import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withAdminClient } from '@botsmith/db/testing';
import type pg from 'pg';
import { freePort } from './auth-test-server';

const run = promisify(execFile);

/** A PostgreSQL server of the test's own, which it may stop, restart and cut off at will. */
export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` for a database created by `createDatabase`. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Ends every backend of `applicationName` (`pg_terminate_backend`); returns how many. */
  terminateBackends(applicationName: string): Promise<number>;
  /** Fast shutdown: sessions are ended, new connections refused until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * Why a private server cannot run here (`undefined` when it can): the fault tests need
 * PostgreSQL's server binaries (`initdb`, `pg_ctl`), not only a server to connect to.
 */
export function privatePostgresUnavailable(): string | undefined {
  return binDir() ? undefined : 'no PostgreSQL server binaries (initdb, pg_ctl) found';
}

/**
 * Initialises and starts a throwaway PostgreSQL cluster on a free loopback port (trust auth,
 * no fsync), so a test can restart or stop the database under a running app without
 * disturbing the shared server other suites use. As root, the server runs as `postgres`.
 *
 * @example
 * const server = await startPrivatePostgres();
 * await server.createDatabase('app');
 * await server.stop(); // the app sees its database go away
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  if (!bin) throw new Error(privatePostgresUnavailable());
  const dir = mkdtempSync(join(tmpdir(), 'botsmith-pg-'));
  const dataDir = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const exec = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args])
      : run(join(bin, tool), args);
  const port = await freePort();
  await exec('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () =>
    exec('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = () => exec('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  await start();
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = <T>(fn: (client: pg.Client) => Promise<T>) =>
    withAdminClient(fn, urlFor('postgres'));
  let running = true;
  return {
    urlFor,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await admin((client) => client.query(`create database ${name}`));
    },
    async terminateBackends(applicationName) {
      // Materialized first, so the planner cannot call pg_terminate_backend before filtering.
      const { rows } = await admin((client) =>
        client.query<{ ended: number }>(
          `with targets as materialized (
             select pid from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()
           )
           select count(*) filter (where pg_terminate_backend(pid))::int as ended from targets`,
          [applicationName],
        ),
      );
      return rows[0]?.ended ?? 0;
    },
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The directory holding `initdb` and `pg_ctl`: on PATH, or Debian's versioned layout. */
function binDir(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(debian, version, 'bin');
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}
