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
  // 5: one sync stream (client id) per user of this desk (issue 11). A stream numbers its author's mutations for
  // the server; `last_id` is the highest number given, `acked_id` the highest whose fate was taken in,
  // `confirmed_id` the highest the server said it has (a server answering below it was restored from a backup).
  // Outbox rows say whose they are and their number in that stream (NULL: standalone work, numbered at the next
  // login). `sent_log` keeps confirmed mutations for a while, so what a restored server lost can be sent again.
  // Cursors keep the server's token of their version. The desk's one client id from before becomes the stream of
  // the logged-in user (or of whoever logs in first), with its numbers, so work it already sent is never doubled.
  `
  CREATE TABLE sync_stream (
    user_id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    client_id TEXT NOT NULL UNIQUE,
    last_id INTEGER NOT NULL DEFAULT 0,
    acked_id INTEGER NOT NULL DEFAULT 0,
    confirmed_id INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  ALTER TABLE outbox ADD COLUMN author TEXT NOT NULL DEFAULT 'local-operator';
  ALTER TABLE outbox ADD COLUMN stream_id INTEGER;
  ALTER TABLE outbox ADD COLUMN handed_over TEXT;
  CREATE INDEX outbox_by_stream ON outbox (author, stream_id);
  CREATE TABLE sent_log (
    mutation_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    space TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    author TEXT NOT NULL,
    client_id TEXT NOT NULL,
    stream_id INTEGER NOT NULL,
    handed_over TEXT,
    confirmed_at INTEGER NOT NULL
  );
  CREATE INDEX sent_log_by_stream ON sent_log (client_id, stream_id);
  ALTER TABLE sync_cursor ADD COLUMN token TEXT;
  INSERT INTO sync_stream (user_id, display_name, client_id, last_id, acked_id, confirmed_id)
    SELECT coalesce(json_extract(s.value, '$.user.id'), 'local-operator'), coalesce(json_extract(s.value, '$.user.displayName'), ''),
           c.value, coalesce(CAST(l.value AS INTEGER), 0), coalesce(CAST(a.value AS INTEGER), 0), coalesce(CAST(a.value AS INTEGER), 0)
      FROM meta c
      LEFT JOIN meta s ON s.key = 'session' AND s.value <> ''
      LEFT JOIN meta l ON l.key = 'lastMutationId'
      LEFT JOIN meta a ON a.key = 'ackedMutationId'
     WHERE c.key = 'clientId';
  UPDATE outbox SET author = coalesce((SELECT user_id FROM sync_stream), 'local-operator'), stream_id = (SELECT outbox.mutation_id FROM sync_stream);
  INSERT INTO meta (key, value) SELECT 'deskClientIdTaken', '1' FROM sync_stream;
  `,
  // 6: a change the server cannot take as part of any push (a whole push refused, or a 500 repeated on it) is held
  // (issue 11, item 8): `held_at` when, `held_reason` the server's answer as JSON {status, code, message}, and
  // `attempts` the whole-push failures it led. A held row has no stream number: a placeholder took it, so the
  // changes behind it go on. Refusals keep the space their change was made in, so an operator can retry it.
  `
  ALTER TABLE outbox ADD COLUMN held_at INTEGER;
  ALTER TABLE outbox ADD COLUMN held_reason TEXT;
  ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE rejection ADD COLUMN space TEXT;
  `,
  // 7: the server's receive time of the change that last wrote each server row (issue 11, item 10), kept beside
  // the desk-supplied times so screens can say when a desk's clock put an entry elsewhere. NULL: not known (a row
  // from before, an older server, or a row only this desk has written so far).
  `
  ALTER TABLE entity ADD COLUMN received_at INTEGER;
  ALTER TABLE shadow ADD COLUMN received_at INTEGER;
  `,
  // 8: the number a change was first sent under, as JSON {clientId, mutationId}, kept when its stream is re-keyed
  // (a copy of the desk, a restored server). Two copies of one desk file re-key the same pending work each to its
  // own new id; the server applies a change once per origin and content (chaos seed 304 doubled three without it).
  `
  ALTER TABLE outbox ADD COLUMN origin TEXT;
  `,
  // 9: whether the rows a space's cursor covers came with patients' and families' names (1) or without (0), as the
  // server sends them only to users with \`patient.identify\` (issue 13). NULL: pulled before this version, when every
  // desk received the names. A user without the right on this desk has the names removed in place; one with it has
  // the space pulled again from zero (rows kept meanwhile), so a desk never keeps names its user may not see.
  `
  ALTER TABLE sync_cursor ADD COLUMN identities INTEGER;
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
