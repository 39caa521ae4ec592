import type { Queryable } from './db/db';

/**
 * Walks the audit's hash chain (migration 5) in chain order and names the first broken link. The hash is
 * recomputed by the database's own `audit_row_hash`, the function the insert trigger uses, so both sides encode a
 * row the same way.
 *
 * What it proves: no row was changed, removed or put in between without every later hash being recomputed too.
 * Whoever owns the tables could recompute them all, so compare the last hash printed here with one recorded
 * earlier somewhere else (the incident log, a printed report): a rewritten chain ends in a different hash.
 */
export type AuditCheck =
  | { ok: true; rows: number; last: { chainPos: number; seq: number; hash: string } | null }
  | { ok: false; rows: number; seq: number; chainPos: number; problem: string };

type ChainRow = { seq: string | number; chain_pos: string | number; prev_hash: string; hash: string; computed: string };

export const GENESIS_HASH = '0'.repeat(64);

export async function verifyAuditChain(db: Queryable, batch = 5_000): Promise<AuditCheck> {
  let expectedPos = 1;
  let prevHash = GENESIS_HASH;
  let last: { chainPos: number; seq: number; hash: string } | null = null;
  let rows = 0;
  for (;;) {
    const page = await db.query<ChainRow>(
      `SELECT seq, chain_pos, prev_hash, hash, audit_row_hash(a) AS computed
         FROM audit a WHERE chain_pos >= $1 ORDER BY chain_pos LIMIT $2`,
      [expectedPos, batch],
    );
    for (const row of page) {
      const seq = Number(row.seq);
      const chainPos = Number(row.chain_pos);
      const broken = (problem: string): AuditCheck => ({ ok: false, rows, seq, chainPos, problem });
      if (chainPos !== expectedPos) {
        return broken(`chain position ${expectedPos} is missing: ${chainPos - expectedPos} row(s) before this one were deleted`);
      }
      if (row.prev_hash !== prevHash) {
        return broken(`its previous-row hash ${row.prev_hash} is not the hash ${prevHash} of the row before it: a row before it was changed, removed or replaced`);
      }
      if (row.computed !== row.hash) {
        return broken(`its content no longer matches its hash (stored ${row.hash}, content gives ${row.computed}): the row was changed after it was written`);
      }
      rows += 1;
      expectedPos += 1;
      prevHash = row.hash;
      last = { chainPos, seq, hash: row.hash };
    }
    if (page.length < batch) break;
  }
  const [count] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM audit');
  if (Number(count?.n ?? 0) !== rows) {
    // Rows outside the chain (a null or duplicate position cannot be, by the schema; this catches what a dropped
    // constraint or a disabled trigger let in).
    return { ok: false, rows, seq: 0, chainPos: expectedPos, problem: `${Number(count?.n ?? 0) - rows} row(s) are not on the chain` };
  }
  return { ok: true, rows, last };
}
