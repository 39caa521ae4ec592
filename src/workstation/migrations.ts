import type { SqliteDatabase } from './sqlite';

/**
 * Forward-only migrations of the workstation store, by `PRAGMA user_version`. Never edit one that has shipped:
 * add the next. Each is tested from an empty database and from the version before it.
 */
export const migrations: readonly string[] = [
  // 1: entities (server state with this workstation's pending work on top), the outbox, settings.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE entity (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    space TEXT NOT NULL,
    data TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, id)
  ) WITHOUT ROWID;
  CREATE INDEX entity_by_space ON entity (space, kind) WHERE deleted = 0;
  CREATE TABLE outbox (
    mutation_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    space TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL
  );
  `,
  // 2: sync bookkeeping: server rows as they were before pending work touched them, pull cursors, refusals.
  `
  CREATE TABLE shadow (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    present INTEGER NOT NULL,
    space TEXT,
    data TEXT,
    version INTEGER,
    deleted INTEGER,
    PRIMARY KEY (kind, id)
  ) WITHOUT ROWID;
  CREATE TABLE sync_cursor (space TEXT PRIMARY KEY, cursor TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE rejection (
    mutation_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at INTEGER NOT NULL,
    dismissed INTEGER NOT NULL DEFAULT 0
  );
  `,
  // 3: the user directory of each space, so the names behind account ids show offline and after a restart.
  // `granted` = 0 keeps someone no longer granted the space: the records they made still name them.
  `
  CREATE TABLE directory_user (
    space TEXT NOT NULL,
    id TEXT NOT NULL,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    roles TEXT NOT NULL,
    granted INTEGER NOT NULL,
    fetched_at INTEGER NOT NULL,
    PRIMARY KEY (space, id)
  ) WITHOUT ROWID;
  `,
  // 4: a refusal's params as the server sent them (JSON: { item, store, onHand, requested }), so the banner can
  // say exactly why. NULL for refusals taken in before this version, and from servers that send none.
  `
  ALTER TABLE rejection ADD COLUMN params TEXT;
  `,
];

export const SCHEMA_VERSION = migrations.length;

export class StoreTooNewError extends Error {
  constructor(found: number) {
    super(`this data folder was written by a newer version (schema ${found}, this build knows ${SCHEMA_VERSION}); update the app`);
    this.name = 'StoreTooNewError';
  }
}

/** Brings the store up to `target` (default: the newest), each step in its own transaction. */
export function migrate(db: SqliteDatabase, target = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new StoreTooNewError(current);
  for (let version = current; version < target; version++) {
    const sql = migrations[version];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
