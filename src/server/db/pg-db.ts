import pg from 'pg';
import { beginStatement, type Db, type Queryable, type Row } from './db';

const INT8_OID = 20;
const defaultParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown;
const getTypeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === INT8_OID ? Number : defaultParser(oid, format)) as typeof pg.types.getTypeParser;

/**
 * PostgreSQL through a pool. int8 (versions, epoch ms) comes back as a JS number: every value we keep in one
 * stays far below 2^53, and PGlite returns numbers too, so callers see the same types on both.
 */
export function openPgDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types: { getTypeParser },
  });
  // An idle client that loses its connection emits here; without a listener the process would crash.
  pool.on('error', () => undefined);
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  const direct = on(pool);
  let closed = false;
  return {
    kind: 'postgres',
    query: (sql, params) => direct.query(sql, params),
    exec: (sql) => direct.exec(sql),
    async transaction(fn, options) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(beginStatement(options));
        try {
          const result = await fn(on(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
          throw error;
        }
      } finally {
        // A connection whose ROLLBACK failed is in an unknown state: destroy it rather than reuse it.
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
