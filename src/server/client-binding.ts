import { createHash, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db/db';
import { forbidden } from './http-errors';
import type { AuthContext } from './sessions';

/**
 * A client id is one user's stream of mutations on one desk (issue 11, item 2). We chose one client id per
 * (desk, user) over one per desk shared by its users: a shared desk stays normal (each user pushes and pulls only
 * their own stream, under their own session), a stream's refusals are read only by its author, and the id's
 * owner is the author of every mutation in it, so the audit names who made each change.
 *
 * The first push or pull of a client id registers it to the calling account and to the SHA-256 of the desk's
 * proof. Afterwards another account, or a caller without that desk's proof, gets 403: it can neither read the
 * stream's refusals nor burn its ids. Clients from before protocol 2 already have an owner (their last user) and
 * take the desk's proof on their first use.
 */
export async function bindClient(db: Queryable, auth: AuthContext, clientId: string, deskProof: string, now: number): Promise<void> {
  const proofHash = hashProof(deskProof);
  await db.query(
    `INSERT INTO client (id, last_user_id, owner_user_id, desk_proof_hash, created_at, updated_at)
     VALUES ($1, $2, $2, $3, $4, $4) ON CONFLICT (id) DO NOTHING`,
    [clientId, auth.user.id, proofHash, now],
  );
  // Claims what a pre-protocol-2 row lacks, only for its owner (or anyone, if its owner was deleted).
  await db.query(
    `UPDATE client SET owner_user_id = coalesce(owner_user_id, $2), desk_proof_hash = coalesce(desk_proof_hash, $3)
      WHERE id = $1 AND (owner_user_id IS NULL OR desk_proof_hash IS NULL) AND (owner_user_id IS NULL OR owner_user_id = $2)`,
    [clientId, auth.user.id, proofHash],
  );
  const [row] = await db.query<{ owner_user_id: string | null; desk_proof_hash: string | null }>(
    'SELECT owner_user_id, desk_proof_hash FROM client WHERE id = $1',
    [clientId],
  );
  if (row?.owner_user_id !== auth.user.id) throw forbidden(`client ${clientId} belongs to another account`);
  if (!sameHash(row.desk_proof_hash, proofHash)) throw forbidden(`client ${clientId} was registered by another workstation`);
}

export function hashProof(proof: string): string {
  return createHash('sha256').update(proof).digest('hex');
}

export function sameHash(stored: string | null, given: string): boolean {
  if (stored === null || stored.length !== given.length) return false;
  return timingSafeEqual(Buffer.from(stored), Buffer.from(given));
}

/** The database's epoch (migration 4). Read per answer: it is one indexed row, and a restore may swap it under us. */
export async function serverEpoch(db: Queryable): Promise<string> {
  const [row] = await db.query<{ value: string }>(`SELECT value FROM server_meta WHERE key = 'epoch'`);
  if (!row) throw new Error('the database has no epoch: run the migrations');
  return row.value;
}
