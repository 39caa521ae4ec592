import { entitySchemas, type Entity, type EntityKind } from '../domain/entities';
import { DomainError } from '../domain/errors';
import { compareIds, rowMatcher, whereFields, type Tx } from '../domain/mutation';
import type { Queryable } from './db/db';

type StoredRow = { kind: string; id: string; space: string; data: unknown; deleted: boolean };
export type DirtyRow = StoredRow & { version: number };

/**
 * Upserts the rows given as one JSON array in $1. The WHERE keeps a row of one space from being overwritten by a
 * mutation in another that reused its id; callers compare the count written with the count sent.
 */
export const UPSERT_ENTITIES = `INSERT INTO entity (kind, id, space, data, version, deleted, received_at)
  SELECT kind, id, space, data, version, deleted, coalesce(received_at, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
    FROM jsonb_to_recordset($1::jsonb) AS r(kind text, id text, space text, data jsonb, version bigint, deleted boolean, received_at bigint)
  ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, version = excluded.version, deleted = excluded.deleted,
    received_at = excluded.received_at
    WHERE entity.space = excluded.space`;
export const SPACE_CHANGED = 'a row changed space while this push held its lock';

const key = (kind: string, id: string) => `${kind}/${id}`;

/**
 * The rows a push reads and writes, kept in memory until the push commits and then written in one statement.
 * Each mutation works in its own layer on top: a refused mutation drops its layer (no savepoint, no round trip),
 * an applied one folds it into the push's. Reads fall through the layers to the database once per row.
 */
export class WriteLayer {
  private readonly rows = new Map<string, StoredRow | null>();
  private readonly dirty = new Map<string, DirtyRow>();

  constructor(
    private readonly db: Queryable,
    private readonly parent: WriteLayer | null = null,
  ) {}

  child(): WriteLayer {
    return new WriteLayer(this.db, this);
  }

  async read(kind: string, id: string): Promise<StoredRow | null> {
    const k = key(kind, id);
    const chain = this.chain();
    for (let i = chain.length - 1; i >= 0; i--) {
      const row = chain[i]?.rows.get(k);
      if (row !== undefined) return row;
    }
    const [row] = await this.db.query<StoredRow>('SELECT kind, id, space, data, deleted FROM entity WHERE kind = $1 AND id = $2', [kind, id]);
    // Cache committed state at the root, so every later mutation of the push shares it.
    chain[0]?.rows.set(k, row ?? null);
    return row ?? null;
  }

  write(row: StoredRow, version: number): void {
    const k = key(row.kind, row.id);
    this.rows.set(k, row);
    this.dirty.set(k, { ...row, version });
  }

  /** Folds this layer's rows and writes into its parent (the mutation was applied). */
  commit(): void {
    if (!this.parent) return;
    for (const [k, row] of this.rows) this.parent.rows.set(k, row);
    for (const [k, row] of this.dirty) this.parent.dirty.set(k, row);
  }

  /**
   * Live rows of one kind in one space whose fields equal `where`: the database's, overlaid with what this push
   * has written so far (a row written here that no longer matches drops out, one that now matches comes in).
   * `@>` compares JSON values (a number with a number, true with true), as `rowMatcher` does in memory.
   */
  async query(kind: string, space: string, where: object | undefined): Promise<unknown[]> {
    const filter = Object.fromEntries(whereFields(where));
    const matches = rowMatcher(where);
    const found = new Map<string, StoredRow>();
    const rows = await this.db.query<StoredRow>(
      'SELECT kind, id, space, data, deleted FROM entity WHERE space = $1 AND kind = $2 AND NOT deleted AND data @> $3::jsonb',
      [space, kind, JSON.stringify(filter)],
    );
    for (const row of rows) found.set(key(row.kind, row.id), row);
    for (const layer of this.chain()) {
      for (const [k, row] of layer.dirty) {
        if (row.kind !== kind || row.space !== space) continue;
        if (row.deleted || !matches(row.data as object)) found.delete(k);
        else found.set(k, row);
      }
    }
    return [...found.values()].sort(compareIds).map((r) => r.data);
  }

  /** Takes the buffered writes out of the layer (the root layer, at the end of the push). */
  drain(): DirtyRow[] {
    const rows = [...this.dirty.values()];
    this.dirty.clear();
    return rows;
  }

  /** Writes every buffered row in one statement. */
  async flush(): Promise<void> {
    const rows = this.drain();
    if (rows.length === 0) return;
    const written = await this.db.query(`${UPSERT_ENTITIES} RETURNING 1 AS ok`, [JSON.stringify(rows)]);
    if (written.length !== rows.length) throw new Error(SPACE_CHANGED);
  }

  /** This layer and its ancestors, the push's own (root) layer first. */
  private chain(): WriteLayer[] {
    return this.parent ? [...this.parent.chain(), this] : [this];
  }
}

/**
 * The mutators' transaction interface on PostgreSQL/PGlite for one mutation: every row it writes carries the
 * version its push was given in this space, so a pull from any cursor below it sees the change.
 *
 * `readable` is the pushing user's granted spaces. A mutator reads by the ids its caller names, and some read
 * across spaces on purpose (a drill verifying the hospital's corrective action); a row of a space the caller is
 * not granted then reads as absent, so neither a refusal's words nor a success can tell another hospital's
 * records. Undefined (tools and tests) reads every space.
 */
export function createServerTx(layer: WriteLayer, space: string, version: number, readable?: readonly string[]): Tx {
  const visible = (rowSpace: string) => readable === undefined || rowSpace === space || readable.includes(rowSpace);
  const existing = async (kind: string, id: string) => {
    const row = await layer.read(kind, id);
    if (row && row.space !== space) throw new DomainError('space_mismatch', `${kind} ${id} is in another space`);
    return row;
  };
  return {
    async get<K extends EntityKind>(kind: K, id: string) {
      const row = await layer.read(kind, id);
      return row && !row.deleted && visible(row.space) ? (row.data as Entity<K>) : undefined;
    },
    async put<K extends EntityKind>(kind: K, value: Entity<K>) {
      // Validate on the way in: a mutator bug must never store a record a workstation cannot read.
      const entity = entitySchemas[kind].parse(value);
      if (entity.space !== space) throw new DomainError('space_mismatch', `${kind} ${entity.id} belongs to ${entity.space}, not ${space}`);
      await existing(kind, entity.id);
      layer.write({ kind, id: entity.id, space, data: entity, deleted: false }, version);
    },
    async del(kind, id) {
      // A tombstone keeps its last data so a workstation with pending work on the row can still rebase.
      const row = await existing(kind, id);
      if (row && !row.deleted) layer.write({ ...row, deleted: true }, version);
    },
    async query<K extends EntityKind>(kind: K, inSpace: string, options?: { where?: object }) {
      if (!visible(inSpace)) return [];
      return (await layer.query(kind, inSpace, options?.where)) as Entity<K>[];
    },
  };
}

/** A Tx that writes straight through (one mutation outside a push: tools and tests). */
export function createDirectTx(db: Queryable, space: string, version: number): Tx & { flush: () => Promise<void> } {
  const layer = new WriteLayer(db);
  return { ...createServerTx(layer, space, version), flush: () => layer.flush() };
}
