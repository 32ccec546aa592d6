#!/usr/bin/env node
/**
 * The `botsmith` command line: `botsmith generate --config config.json --out DIR [--zip FILE]`.
 * The only Node-specific module of this package; everything it calls is browser-safe.
 *
 * Exit codes: 0 success, 1 invalid config or refused output, 2 bad usage.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildConfigSchema,
  type ConfigIssue,
  formatConfigIssues,
  UnsupportedSchemaVersionError,
  upgradeBuildConfig,
} from '@botsmith/shared';
import { generate } from './generate';
import { type PackageManager, packageManagerOf } from './lib/package-manager';
import { SHARED_LOCKFILE_CACHE_DIR, withLockfile } from './lockfile';
import type { GeneratedProject } from './types';
import { GENERATOR_VERSION } from './version';
import { toZip } from './zip';

const USAGE = `Usage: botsmith generate --config FILE (--out DIR | --zip FILE) [options]

Generates a chat-bot project from a Botsmith configuration (JSON, as saved by the wizard).

Options:
  -c, --config FILE   configuration file (JSON) to generate from
  -o, --out DIR       write the project files into DIR (must be empty or missing)
  -z, --zip FILE      write the project as a zip archive to FILE
      --no-lockfile   skip resolving package-lock.json / pnpm-lock.yaml (offline use)
  -f, --force         write into --out even if it is not empty (files are overwritten)
  -h, --help          show this help
  -v, --version       show the generator version
`;

/** A problem the user must fix; the message is printed and the process exits with `code`. */
class CliError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

function printIssues(title: string, issues: readonly ConfigIssue[]): void {
  console.error(title);
  for (const issue of issues) console.error(`  ${issue.path}: ${issue.message}`);
}

async function readConfig(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, 1);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`, 1);
  }
  // A config saved by an older Botsmith (schemaVersion 1) is upgraded first; one without a
  // schemaVersion is read as the current version.
  let upgrade: ReturnType<typeof upgradeBuildConfig>;
  try {
    upgrade = upgradeBuildConfig(json);
  } catch (error) {
    if (!(error instanceof UnsupportedSchemaVersionError)) throw error;
    throw new CliError(`${file}: schemaVersion: ${error.message}`, 1);
  }
  for (const note of upgrade.notes) console.error(`Note: ${note}`);
  const parsed = buildConfigSchema.safeParse(upgrade.config);
  if (!parsed.success) {
    printIssues(`${file} is not a valid Botsmith configuration:`, formatConfigIssues(parsed.error));
    throw new CliError('', 1);
  }
  return parsed.data;
}

async function writeProject(project: GeneratedProject, out: string, force: boolean) {
  const existing = await readdir(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new CliError(`Cannot use ${out} as output: ${error.message}`, 1);
  });
  if (existing.length > 0 && !force) {
    throw new CliError(`${out} is not empty; choose another --out or pass --force`, 1);
  }
  for (const file of project.files) {
    const target = join(out, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}

async function run(argv: string[]): Promise<void> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(USAGE);
  if (values.version) return void console.log(GENERATOR_VERSION);
  if (positionals.length !== 1 || positionals[0] !== 'generate') {
    throw new CliError(`Expected the command "generate".\n\n${USAGE}`, 2);
  }
  if (!values.config) throw new CliError(`--config is required.\n\n${USAGE}`, 2);
  if (!values.out && !values.zip) throw new CliError(`Give --out, --zip or both.\n\n${USAGE}`, 2);

  const config = await readConfig(values.config);
  const project = await addLockfile(
    generate(config),
    packageManagerOf(config),
    values['no-lockfile'] ?? false,
  );

  const name = config.project.name;
  const summary = `${project.files.length} files for ${name} (${config.platforms.join(', ')})`;
  if (values.out) {
    await writeProject(project, values.out, values.force ?? false);
    console.log(`Wrote ${summary} to ${resolve(values.out)}`);
  }
  if (values.zip) {
    const zip = toZip(project, name);
    await mkdir(dirname(resolve(values.zip)), { recursive: true });
    await writeFile(values.zip, zip);
    console.log(
      `Zipped ${summary} to ${resolve(values.zip)} (${zip.byteLength} bytes, under ${name}/)`,
    );
  }
}

/** Adds the resolved lockfile so `npm ci` works in the written project. */
async function addLockfile(
  project: GeneratedProject,
  pm: PackageManager,
  skip: boolean,
): Promise<GeneratedProject> {
  if (skip) {
    console.error(
      `Skipped the lockfile (--no-lockfile): run \`${pm.name} install\` once and commit ${pm.lockfile} before \`${pm.install}\` (CI, Docker) can work.`,
    );
    return project;
  }
  console.error('Resolving dependencies…');
  try {
    // Cached on disk by dependency set, so generating the same stack again is instant.
    const files = await withLockfile(project.files, {
      timeoutMs: 120_000,
      cacheDir: SHARED_LOCKFILE_CACHE_DIR,
    });
    return { ...project, files };
  } catch (error) {
    throw new CliError(
      `${(error as Error).message}\nPass --no-lockfile to generate without it.`,
      1,
    );
  }
}

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string', short: 'c' },
      out: { type: 'string', short: 'o' },
      zip: { type: 'string', short: 'z' },
      force: { type: 'boolean', short: 'f' },
      'no-lockfile': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    if (error.message) console.error(error.message);
    process.exitCode = error.code;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
