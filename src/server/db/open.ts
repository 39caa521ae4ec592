import { join } from 'node:path';
import type { Db } from './db';
import { openPgDb, type PgTimeouts } from './pg-db';
import { openPgliteDb } from './pglite-db';

export type StorageOptions = {
  /** PostgreSQL when set; otherwise embedded PGlite in `<dataDir>/pglite` (in memory when no dataDir). */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number | undefined;
  /** PostgreSQL only (PGlite is in this process: there is no link to lose). Defaults: `defaultPgTimeouts`. */
  databaseTimeouts?: Partial<PgTimeouts> | undefined;
};

export async function openDb(options: StorageOptions): Promise<Db> {
  if (options.databaseUrl) {
    return openPgDb(options.databaseUrl, {
      ...(options.poolSize === undefined ? {} : { max: options.poolSize }),
      ...(options.databaseTimeouts ? { timeouts: options.databaseTimeouts } : {}),
    });
  }
  return openPgliteDb(options.dataDir ? join(options.dataDir, 'pglite') : undefined);
}
