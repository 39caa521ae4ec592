import { execFile } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * The hospital's backups of the server database, and putting one back. PostgreSQL: `pg_dump` of the live
 * database (a consistent snapshot, as a nightly job takes it), restored by dropping and recreating the database
 * and `pg_restore`. PGlite: a copy of its data folder, which only a stopped server may be copied from.
 */
export type ServerSnapshots = {
  /** Whether taking a snapshot needs the server stopped (PGlite) or not (pg_dump). */
  readonly needsStop: boolean;
  take(name: string): Promise<void>;
  /** Call with every server instance stopped. */
  restore(name: string): Promise<void>;
};

export function pgliteSnapshots(serverDir: string, snapshotDir: string): ServerSnapshots {
  const live = join(serverDir, 'pglite');
  return {
    needsStop: true,
    take(name) {
      cpSync(live, join(snapshotDir, name), { recursive: true });
      return Promise.resolve();
    },
    restore(name) {
      rmSync(live, { recursive: true, force: true });
      cpSync(join(snapshotDir, name), live, { recursive: true });
      return Promise.resolve();
    },
  };
}

export function postgresSnapshots(databaseUrl: string, snapshotDir: string): ServerSnapshots {
  const url = new URL(databaseUrl);
  const database = url.pathname.slice(1);
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  return {
    needsStop: false,
    async take(name) {
      await run('pg_dump', ['--format=custom', '--file', join(snapshotDir, `${name}.dump`), databaseUrl]);
    },
    async restore(name) {
      const admin = new pg.Client({ connectionString: maintenance.toString() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${database}"`);
      } finally {
        await admin.end();
      }
      await run('pg_restore', ['--exit-on-error', '--dbname', databaseUrl, join(snapshotDir, `${name}.dump`)]);
    },
  };
}
