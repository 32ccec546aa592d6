import { withLockfile } from '@botsmith/generators/lockfile';
import {
  type FakePackageManagerMode,
  fakePackageManager,
} from '@botsmith/generators/lockfile/testing';
import type { Services } from '../services';

/**
 * `Services.addLockfile` over the real resolver, running a fake package manager instead of
 * the registry: `ok` adds a lockfile naming the project, the others fail as npm would.
 */
export function fakeLockfiles(mode: FakePackageManagerMode = 'ok'): Services['addLockfile'] {
  let fake: ReturnType<typeof fakePackageManager> | undefined;
  return async (files) => {
    fake ??= fakePackageManager(mode);
    return withLockfile(files, { timeoutMs: 10_000, command: (await fake).command });
  };
}
