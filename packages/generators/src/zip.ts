import { strToU8, type Zippable, zipSync } from 'fflate';
import type { GeneratedProject } from './types';

// fflate writes DOS timestamps from the Date's *local* fields, so a Date built from local
// fields gives the same bytes in every time zone. 1980-01-01 is the earliest DOS date.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

// The same rule as a project name: one path segment, never "..", never absolute.
const FOLDER_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** The project's name from its generated package.json, or undefined when it has none. */
function projectName(project: GeneratedProject): string | undefined {
  const manifest = project.files.find((file) => file.path === 'package.json');
  if (!manifest) return undefined;
  const { name } = JSON.parse(manifest.content) as { name?: unknown };
  return typeof name === 'string' ? name : undefined;
}

/**
 * Packs a generated project into a zip. Every file sits under one top-level folder named
 * after the project (`my-bot/package.json`, `my-bot/src/index.ts`, …), taken from the
 * generated package.json unless `folder` is given, so unpacking never scatters files into the
 * current directory. Timestamps are fixed: the same project gives byte-identical zips.
 *
 * @example
 * const zip = toZip(generate(config)); // Uint8Array, entries under `${config.project.name}/`
 */
export function toZip(
  project: GeneratedProject,
  folder = projectName(project) ?? 'bot',
): Uint8Array {
  if (!FOLDER_NAME.test(folder))
    throw new Error(`Invalid zip folder name: ${JSON.stringify(folder)}`);
  const entries: Zippable = {};
  for (const file of project.files) {
    entries[`${folder}/${file.path}`] = [strToU8(file.content), { mtime: FIXED_MTIME }];
  }
  return zipSync(entries, { level: 6, mtime: FIXED_MTIME });
}
