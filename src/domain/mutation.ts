import type { z } from 'zod';
import type { Actor } from './roles';
import type { Entity, EntityKind } from './entities';
import type { SpaceKind } from './spaces';

/** A value a query can match a field on: scalars only, compared for equality the same way in every store. */
type Scalar = string | number | boolean;

/** Fields of one kind and the value each must equal; fields that are objects or arrays cannot be matched. */
export type Where<K extends EntityKind> = ScalarFields<Entity<K>>;
type ScalarFields<T> = { [F in keyof T as [Extract<T[F], Scalar>] extends [never] ? never : F]?: Extract<T[F], Scalar> };

export type QueryOptions<K extends EntityKind> = { where?: Where<K> };

/**
 * The small transaction interface every mutator is written against. The workstation implements it on SQLite
 * and the server on PostgreSQL/PGlite, so one function decides what a user action does, everywhere.
 * Methods are async because the server's are; the workstation resolves them at once.
 */
export type Tx = {
  get<K extends EntityKind>(kind: K, id: string): Promise<Entity<K> | undefined>;
  put<K extends EntityKind>(kind: K, value: Entity<K>): Promise<void>;
  /** Leaves a tombstone: `get` and `query` no longer see the row, a later `put` of the same id revives it. */
  del(kind: EntityKind, id: string): Promise<void>;
  /**
   * The live rows of one kind in one space whose fields equal `where`, ordered by id (`compareIds`). The order is
   * part of the contract: a mutator that takes the first match or keys a map by a field decides the same on a
   * workstation and on the server (tests/integration/tx-contract.test.ts runs one suite on every store).
   */
  query<K extends EntityKind>(kind: K, space: string, options?: QueryOptions<K>): Promise<Entity<K>[]>;
};

/** The order of query results: by UTF-16 code unit, as JavaScript compares strings (not a database collation). */
export function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A test of a row against `where`: the stores filter in SQL, and with this the rows they hold in memory. */
export function rowMatcher(where: object | undefined): (row: object) => boolean {
  const fields = whereFields(where);
  return (row) => fields.every(([field, value]) => (row as Record<string, unknown>)[field] === value);
}

/** A `where` as [field, value] pairs, with field names checked so a store may put them in a JSON path. */
export function whereFields(where: object | undefined): [string, Scalar][] {
  if (!where) return [];
  return Object.entries(where).flatMap(([field, value]: [string, unknown]) => {
    if (value === undefined) return [];
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`query field ${JSON.stringify(field)} is not a field name`);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`query field ${field} must be matched on a string, number or boolean`);
    }
    return [[field, value]];
  });
}

export type MutationContext = {
  /** Time the user acted (client clock, epoch ms). Passed in so client and server compute the same result. */
  at: number;
  actor: Actor;
  space: string;
  /**
   * The space's kind as the server recorded it (the server reads it; a desk takes the server's description).
   * Unknown reads as a hospital: mutators that only an exercise may run refuse then.
   */
  spaceKind?: SpaceKind;
  /** The workstation runs mutators optimistically; the server's run is the one that counts. */
  origin: 'workstation' | 'server';
};

export type Mutator<S extends z.ZodType = z.ZodType> = {
  args: S;
  // Method syntax on purpose: it lets a registry hold mutators of different argument types.
  run(tx: Tx, args: z.infer<S>, ctx: MutationContext): Promise<void>;
};

export function defineMutator<S extends z.ZodType>(
  args: S,
  run: (tx: Tx, args: z.infer<S>, ctx: MutationContext) => Promise<void>,
): Mutator<S> {
  return { args, run };
}
