import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { beginStatement, type Db, type Queryable, type Row } from './db';
import { SerialQueue } from '../../common/serial-queue';

/**
 * PGlite is one Postgres backend in this process: a single connection. Its own `query` would slip into a
 * transaction another request has open, so every statement and every transaction goes through one queue.
 * That also makes each transaction trivially serializable, which is all one small site needs.
 */
export async function openPgliteDb(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir ?? 'memory://');
  const serial = new SerialQueue();
  const direct: Queryable = {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pg.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
  let closed = false;
  return {
    kind: 'pglite',
    query: (sql, params) => serial.run(() => direct.query(sql, params)),
    exec: (sql) => serial.run(() => direct.exec(sql)),
    transaction: (fn, options) =>
      serial.run(async () => {
        await pg.query(beginStatement(options));
        try {
          const result = await fn(direct);
          await pg.query('COMMIT');
          return result;
        } catch (error) {
          await pg.query('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      serial.run(async () => {
        if (closed) return;
        closed = true;
        await pg.close();
      }),
  };
}
