import { PGlite } from '@electric-sql/pglite';
import { createKysely, type DatabaseHandle, PGLITE_OPTIONS } from '../client';
import { PGliteDialect } from '../pglite/dialect';

let template: Promise<Blob> | undefined;

/**
 * Opens a fresh in-memory PGlite. Initialising a cluster (initdb) takes seconds, so each test
 * worker does it once and every database after that starts from a copy of the empty cluster.
 */
export async function openMemoryPGlite(): Promise<DatabaseHandle> {
  template ??= (async () => {
    const pristine = await PGlite.create();
    try {
      return await pristine.dumpDataDir('none');
    } finally {
      await pristine.close();
    }
  })();
  const loadDataDir = await template;
  const db = createKysely(
    new PGliteDialect(() => PGlite.create({ ...PGLITE_OPTIONS, loadDataDir })),
  );
  return { db, kind: 'pglite', close: () => db.destroy() };
}
