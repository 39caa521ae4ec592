import pg from 'pg';
import { beginStatement, StorageUnavailableError, type Db, type Queryable, type Row } from './db';

const INT8_OID = 20;
const defaultParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown;
const getTypeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === INT8_OID ? Number : defaultParser(oid, format)) as typeof pg.types.getTypeParser;

/**
 * How long the server waits on PostgreSQL. Without bounds a silent link (a lost NAT entry, a failover that leaves
 * sockets half open) holds a push, and every push queued behind it, forever.
 */
export type PgTimeouts = {
  /** PostgreSQL cancels a statement running longer than this (`statement_timeout`). */
  statementTimeoutMs: number;
  /** The client gives up on an answer after this, when the server cannot even say it cancelled (`query_timeout`). */
  queryTimeoutMs: number;
  /** Opening a connection, or waiting for a free one in the pool. */
  connectionTimeoutMs: number;
  /** An idle pooled connection is closed after this, so a stale one is not kept for long. */
  idleTimeoutMs: number;
  /** PostgreSQL ends a session left idle inside a transaction this long, releasing its locks. */
  idleInTransactionTimeoutMs: number;
};

export const defaultPgTimeouts: PgTimeouts = {
  statementTimeoutMs: 30_000,
  queryTimeoutMs: 40_000,
  connectionTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
};

export type PgDbOptions = { max?: number; timeouts?: Partial<PgTimeouts> };

// Class 08: connection exception; 57P01-03: the server is shutting down or starting; 57014: a statement hit
// statement_timeout; 53300: too many connections. All say "not now", none says "this request is wrong".
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|57014|53300)$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGE = /^(Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** Whether `error` is the link or the server failing, rather than the statement being wrong. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
  return UNAVAILABLE_MESSAGE.test(error.message);
}

/** The link itself failed (no answer from PostgreSQL at all): nothing more can be said on this connection. */
function linkBroken(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return UNAVAILABLE_MESSAGE.test(error.message) || (typeof code === 'string' && UNAVAILABLE_ERRNO.has(code));
}

function translate(error: unknown): unknown {
  return isUnavailable(error) ? new StorageUnavailableError(error) : error;
}

/**
 * PostgreSQL through a pool. int8 (versions, epoch ms) comes back as a JS number: every value we keep in one
 * stays far below 2^53, and PGlite returns numbers too, so callers see the same types on both.
 */
export function openPgDb(connectionString: string, options: PgDbOptions = {}): Db {
  const timeouts = { ...defaultPgTimeouts, ...options.timeouts };
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types: { getTypeParser },
    connectionTimeoutMillis: timeouts.connectionTimeoutMs,
    idleTimeoutMillis: timeouts.idleTimeoutMs,
    query_timeout: timeouts.queryTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
    // The kernel's probes notice a peer that vanished (NAT entry lost) on connections with nothing in flight.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle client that loses its connection emits here; without a listener the process would crash.
  pool.on('error', () => undefined);
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await client.query<T>(sql, [...params]);
        return result.rows;
      } catch (error) {
        throw translate(error);
      }
    },
    async exec(sql: string) {
      try {
        await client.query(sql);
      } catch (error) {
        throw translate(error);
      }
    },
  });
  const direct = on(pool);
  let closed = false;
  return {
    kind: 'postgres',
    query: (sql, params) => direct.query(sql, params),
    exec: (sql) => direct.exec(sql),
    async transaction(fn, options) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translate(error);
      }
      // A checked-out client has no pool listener: a link cut mid-transaction emits 'error' here, and an
      // unheard 'error' would kill the process. Heard, it fails this transaction (its query rejects too).
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost ??= error;
      };
      client.on('error', onError);
      let broken: Error | undefined;
      try {
        await client.query(beginStatement(options));
        try {
          const result = await fn(on(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          const cause = error instanceof StorageUnavailableError ? error.cause : error;
          // On a dead or silent link a ROLLBACK would only wait out its own timeout; dropping the connection
          // is the rollback (PostgreSQL aborts the transaction of a session that goes away).
          if (lost || linkBroken(cause)) {
            broken = lost ?? (cause instanceof Error ? cause : new Error(String(cause)));
            throw error;
          }
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
          throw error;
        }
      } catch (error) {
        const cause = error instanceof StorageUnavailableError ? error.cause : error;
        if (!broken && linkBroken(cause)) broken = cause instanceof Error ? cause : new Error(String(cause));
        throw lost ? new StorageUnavailableError(lost) : translate(error);
      } finally {
        client.removeListener('error', onError);
        // A connection whose ROLLBACK failed, or that broke, is in an unknown state: destroy it rather than reuse it.
        client.release(broken ?? lost);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
