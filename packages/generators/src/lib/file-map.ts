import type { GeneratedFile } from '../types';
import { compareStrings } from './sort';

/** Thrown when two generator modules write the same path. */
export class DuplicateFileError extends Error {
  constructor(readonly path: string) {
    super(`Two generator modules both write "${path}"`);
    this.name = 'DuplicateFileError';
  }
}

/**
 * The files of a project being generated. Adding a path twice is a bug in the generator
 * (two modules fighting over a file), so it throws instead of letting the last write win;
 * files that several modules shape (package.json, .env.example) are assembled separately.
 */
export class FileMap {
  readonly #files = new Map<string, string>();

  /** Adds a file; throws `DuplicateFileError` if the path is taken. */
  add(path: string, content: string): this {
    if (this.#files.has(path)) throw new DuplicateFileError(path);
    this.#files.set(path, content);
    return this;
  }

  /** Adds every file of a list, in order. */
  addAll(files: readonly GeneratedFile[]): this {
    for (const file of files) this.add(file.path, file.content);
    return this;
  }

  has(path: string): boolean {
    return this.#files.has(path);
  }

  /** The files sorted by path (code-unit order, the same in every JS engine). */
  toSortedList(): GeneratedFile[] {
    return [...this.#files]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([path, content]) => ({ path, content }));
  }
}
