import { entitySchemas, type Entity, type EntityKind } from '../domain/entities';
import { DomainError } from '../domain/errors';
import type { Tx } from '../domain/mutation';
import type { Queryable } from './db/db';

/**
 * The mutators' transaction interface on PostgreSQL/PGlite, for one mutation: every row it writes carries the
 * version that mutation was given, so a pull from any cursor below it sees the change.
 */
export function createServerTx(db: Queryable, space: string, version: number): Tx {
  return {
    async get<K extends EntityKind>(kind: K, id: string) {
      const [row] = await db.query<{ data: Entity<K>; deleted: boolean }>(
        'SELECT data, deleted FROM entity WHERE kind = $1 AND id = $2',
        [kind, id],
      );
      return row && !row.deleted ? row.data : undefined;
    },
    async put<K extends EntityKind>(kind: K, value: Entity<K>) {
      // Validate on the way in: a mutator bug must never store a record a workstation cannot read.
      const entity = entitySchemas[kind].parse(value);
      if (entity.space !== space) throw new DomainError('space_mismatch', `${kind} ${entity.id} belongs to ${entity.space}, not ${space}`);
      // The WHERE keeps a mutation in one space from overwriting a row of another that happens to share the id.
      const written = await db.query(
        `INSERT INTO entity (kind, id, space, data, version, deleted) VALUES ($1, $2, $3, $4::jsonb, $5, false)
         ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, version = excluded.version, deleted = false
           WHERE entity.space = excluded.space
         RETURNING 1 AS ok`,
        [kind, entity.id, space, JSON.stringify(entity), version],
      );
      if (written.length === 0) throw new DomainError('space_mismatch', `${kind} ${entity.id} is in another space`);
    },
    async del(kind, id) {
      // A tombstone keeps its last data so a workstation with pending work on the row can still rebase.
      await db.query('UPDATE entity SET deleted = true, version = $4 WHERE kind = $1 AND id = $2 AND space = $3 AND NOT deleted', [
        kind,
        id,
        space,
        version,
      ]);
    },
    async scan<K extends EntityKind>(kind: K, inSpace: string) {
      const rows = await db.query<{ data: Entity<K> }>(
        'SELECT data FROM entity WHERE space = $1 AND kind = $2 AND NOT deleted ORDER BY id',
        [inSpace, kind],
      );
      return rows.map((r) => r.data);
    },
  };
}
