/**
 * The one storage interface the server is written against, with two implementations: embedded PGlite (the
 * default for one small site) and PostgreSQL through a `pg` pool (`DATABASE_URL`). Same SQL on both.
 */
export type Row = Record<string, unknown>;

export type Queryable = {
  /** One statement with `$n` parameters. Values are passed as-is: stringify JSON yourself and cast `$n::jsonb`. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
};

export type TxOptions = {
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readOnly?: boolean;
};

export type StorageKind = 'pglite' | 'postgres';

export type Db = Queryable & {
  readonly kind: StorageKind;
  /** BEGIN ... COMMIT around `fn`; ROLLBACK and rethrow when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TxOptions): Promise<T>;
  close(): Promise<void>;
};

export function beginStatement(options: TxOptions = {}): string {
  const parts = ['BEGIN'];
  if (options.isolation) parts.push(`ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
  if (options.readOnly) parts.push('READ ONLY');
  return parts.join(' ');
}

/**
 * The database could not be reached or did not answer in time (a cut or silent link, a failover, a restart, a
 * statement over its time limit). Nothing was committed: the request is answered 503 and may be retried.
 */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}
