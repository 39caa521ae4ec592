import { entitySchemas, type Entity, type EntityKind } from '../domain/entities';
import { compareIds, whereFields, type Tx } from '../domain/mutation';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite';

export type EntityRow = { kind: string; id: string; space: string; data: string; version: number; deleted: number; received_at: number | null };

/** Prepared statements over the generic entity table, shared by local mutations, queries and sync. */
export class EntityRows {
  readonly get;
  readonly upsert;
  /** A server row as pulled (or restored from its shadow), with the server's receive time. */
  readonly serverUpsert;
  private readonly receivedOf;
  readonly scanSpace;
  readonly scanAll;
  private readonly shadowHas;
  private readonly shadowInsert;
  /** Query statements by the fields they filter on: a mutator asks the same few shapes over and over. */
  private readonly queries = new Map<string, Statement<unknown[], Pick<EntityRow, 'data'>>>();

  constructor(private readonly db: SqliteDatabase) {
    this.get = db.prepare<[string, string], EntityRow>('SELECT * FROM entity WHERE kind = ? AND id = ?');
    this.upsert = db.prepare<[string, string, string, string, number, number]>(
      `INSERT INTO entity (kind, id, space, data, version, deleted) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET space = excluded.space, data = excluded.data,
         version = excluded.version, deleted = excluded.deleted`,
    );
    this.serverUpsert = db.prepare<[string, string, string, string, number, number, number | null]>(
      `INSERT INTO entity (kind, id, space, data, version, deleted, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET space = excluded.space, data = excluded.data,
         version = excluded.version, deleted = excluded.deleted, received_at = excluded.received_at`,
    );
    this.receivedOf = db.prepare<[string, string], { id: string; received_at: number }>(
      'SELECT id, received_at FROM entity WHERE space = ? AND kind = ? AND deleted = 0 AND received_at IS NOT NULL',
    );
    this.scanSpace = db.prepare<[string, string], Pick<EntityRow, 'data'>>(
      'SELECT data FROM entity WHERE space = ? AND kind = ? AND deleted = 0',
    );
    this.scanAll = db.prepare<[], EntityRow>('SELECT * FROM entity ORDER BY kind, id');
    this.shadowHas = db.prepare<[string, string], { present: number }>('SELECT present FROM shadow WHERE kind = ? AND id = ?');
    this.shadowInsert = db.prepare<[string, string, number, string | null, string | null, number | null, number | null, number | null]>(
      'INSERT INTO shadow (kind, id, present, space, data, version, deleted, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /**
   * The live rows of one kind in one space whose JSON fields equal `where`, in no particular order (the Tx sorts).
   * `json_extract` gives a JSON string as TEXT, a number as a number and true/false as 1/0, so a boolean is bound
   * as 1/0; TEXT never equals a number in SQLite, so a string field cannot match a number by accident.
   */
  query(kind: string, space: string, where: object | undefined): string[] {
    const fields = whereFields(where);
    const shape = fields.map(([field]) => field).join(',');
    let statement = this.queries.get(shape);
    if (!statement) {
      const filters = fields.map(() => ' AND json_extract(data, ?) = ?').join('');
      statement = this.db.prepare<unknown[], Pick<EntityRow, 'data'>>(`SELECT data FROM entity WHERE space = ? AND kind = ? AND deleted = 0${filters}`);
      this.queries.set(shape, statement);
    }
    const params = fields.flatMap(([field, value]) => [`$.${field}`, typeof value === 'boolean' ? Number(value) : value]);
    return statement.all(space, kind, ...params).map((row) => row.data);
  }

  /** When the server received the last change of each row of one kind in one space (rows it has sent with one). */
  receivedTimes(kind: string, space: string): Map<string, number> {
    return new Map(this.receivedOf.all(space, kind).map((r) => [r.id, r.received_at]));
  }

  /** Keeps the server's copy of a row before this workstation's pending work first changes it (for rebase). */
  captureShadow(kind: string, id: string): void {
    if (this.shadowHas.get(kind, id)) return;
    const row = this.get.get(kind, id);
    if (row) this.shadowInsert.run(kind, id, 1, row.space, row.data, row.version, row.deleted, row.received_at);
    else this.shadowInsert.run(kind, id, 0, null, null, null, null, null);
  }
}

export function parseEntity<K extends EntityKind>(kind: K, data: string): Entity<K> {
  return JSON.parse(data) as Entity<K>;
}

/** Runs synchronous store work as the Tx's promise: a failure rejects it, as on the server, instead of throwing. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

/**
 * The transaction interface on SQLite, for optimistic local runs: every write first keeps the server's copy
 * of the row, and reports which kinds changed so the UI can refresh just those.
 */
export function createLocalTx(rows: EntityRows, touched: Set<EntityKind>, touchedIds?: Set<string>): Tx {
  return {
    get: (kind, id) =>
      settle(() => {
        const row = rows.get.get(kind, id);
        return row && !row.deleted ? parseEntity(kind, row.data) : undefined;
      }),
    put: (kind, value) =>
      settle(() => {
        // Validate on the way in: a mutator bug must never store a record another layer cannot read.
        const entity = entitySchemas[kind].parse(value);
        rows.captureShadow(kind, entity.id);
        const version = rows.get.get(kind, entity.id)?.version ?? 0;
        rows.upsert.run(kind, entity.id, entity.space, JSON.stringify(entity), version, 0);
        touched.add(kind);
        touchedIds?.add(entity.id);
      }),
    del: (kind, id) =>
      settle(() => {
        const row = rows.get.get(kind, id);
        if (!row || row.deleted) return;
        rows.captureShadow(kind, id);
        rows.upsert.run(kind, id, row.space, row.data, row.version, 1);
        touched.add(kind);
        touchedIds?.add(id);
      }),
    query: (kind, space, options) => settle(() => rows.query(kind, space, options?.where).map((data) => parseEntity(kind, data)).sort(compareIds)),
  };
}
