import type { z } from 'zod';
import type { Actor } from './roles';
import type { Entity, EntityKind } from './entities';

/**
 * The small transaction interface every mutator is written against. The workstation implements it on SQLite
 * and the server on PostgreSQL/PGlite, so one function decides what a user action does, everywhere.
 * Methods are async because the server's are; the workstation resolves them at once.
 */
export type Tx = {
  get<K extends EntityKind>(kind: K, id: string): Promise<Entity<K> | undefined>;
  put<K extends EntityKind>(kind: K, value: Entity<K>): Promise<void>;
  del(kind: EntityKind, id: string): Promise<void>;
  scan<K extends EntityKind>(kind: K, space: string): Promise<Entity<K>[]>;
};

export type MutationContext = {
  /** Time the user acted (client clock, epoch ms). Passed in so client and server compute the same result. */
  at: number;
  actor: Actor;
  space: string;
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
