import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyAuditChain } from '../../../src/server/audit-chain';
import type { Db, Queryable } from '../../../src/server/db/db';
import { migrate, SERVER_SCHEMA_VERSION } from '../../../src/server/db/migrations';
import { openPgDb } from '../../../src/server/db/pg-db';
import { openPgliteDb } from '../../../src/server/db/pglite-db';
import { createTestDatabase, storageKinds } from '../../fixtures/server';
import { makeTempDir } from '../../fixtures/workstation';

/** Appends audit rows the way push.ts does: one statement, several rows; the trigger chains them. */
async function append(db: Queryable, client: string, from: number, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    client_id: client, mutation_id: from + i, user_id: 'u1', space: 'demo-hospital', name: 'stock.issue',
    args: { id: 'x', qty: from + i }, client_at: 1, server_at: 2, result: i % 3 === 2 ? 'rejected' : 'applied',
  }));
  await db.query(
    `INSERT INTO audit (client_id, mutation_id, user_id, space, name, args, client_at, server_at, result)
     SELECT client_id, mutation_id, user_id, space, name, args, client_at, server_at, result
       FROM jsonb_to_recordset($1::jsonb) AS r(client_id text, mutation_id bigint, user_id text, space text, name text,
            args jsonb, client_at bigint, server_at bigint, result text)`,
    [JSON.stringify(rows)],
  );
}

/** What the owner of the tables can do: switch the append-only trigger off, change the past, switch it back on. */
async function asOwner(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('ALTER TABLE audit DISABLE TRIGGER audit_no_change');
    await tx.query(sql, params);
    await tx.exec('ALTER TABLE audit ENABLE TRIGGER audit_no_change');
  });
}

const seqAt = async (db: Db, pos: number) => Number((await db.query<{ seq: number }>('SELECT seq FROM audit WHERE chain_pos = $1', [pos]))[0]?.seq);

describe.each(await storageKinds())('the audit hash chain on %s', (storage) => {
  let pglite: Db | undefined;
  beforeAll(async () => {
    if (storage === 'pglite') pglite = await openPgliteDb(undefined);
  });
  afterAll(() => pglite?.close());

  const fresh = async (): Promise<{ db: Db; done: () => Promise<void> }> => {
    if (pglite) {
      await pglite.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      return { db: pglite, done: () => Promise.resolve() };
    }
    const database = await createTestDatabase();
    const db = openPgDb(database.url);
    return { db, done: () => db.close().then(database.drop) };
  };

  it('chains every row to the one before it, and verify-audit finds it intact', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db);
      await append(db, 'desk-a', 1, 5);
      await append(db, 'desk-b', 1, 3);
      const rows = await db.query<{ chain_pos: number; prev_hash: string; hash: string }>('SELECT chain_pos::int, prev_hash, hash FROM audit ORDER BY chain_pos');
      expect(rows.map((r) => r.chain_pos)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
      rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i]?.hash));
      const check = await verifyAuditChain(db, 3);
      expect(check).toMatchObject({ ok: true, rows: 8, last: { chainPos: 8, hash: rows[7]?.hash } });
    } finally {
      await done();
    }
  });

  it('ignores hash values a writer supplies: the trigger makes them', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db);
      await db.query(
        `INSERT INTO audit (client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, chain_pos, prev_hash, hash)
         VALUES ('c', 1, 'u', 'demo-hospital', 'stock.issue', '{}'::jsonb, 0, 0, 'applied', 99, 'forged', 'forged')`,
      );
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 1 });
    } finally {
      await done();
    }
  });

  it('reports the seq of a row whose args the owner changed with the trigger disabled', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db);
      await append(db, 'desk-a', 1, 6);
      const seq = await seqAt(db, 4);
      await asOwner(db, `UPDATE audit SET args = '{"id": "x", "qty": 1}'::jsonb WHERE seq = $1`, [seq]);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, rows: 3, seq, chainPos: 4, problem: expect.stringContaining('content no longer matches') as unknown });
    } finally {
      await done();
    }
  });

  it('reports the row after one the owner re-hashed to hide its change', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db);
      await append(db, 'desk-a', 1, 6);
      const [third, fourth] = [await seqAt(db, 3), await seqAt(db, 4)];
      await asOwner(db, `UPDATE audit SET result = 'applied', args = '{}'::jsonb WHERE seq = $1`, [third]);
      await asOwner(db, `UPDATE audit a SET hash = audit_row_hash(a) WHERE seq = $1`, [third]);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, rows: 3, seq: fourth, chainPos: 4, problem: expect.stringContaining('previous-row hash') as unknown });
    } finally {
      await done();
    }
  });

  it('reports the row after one the owner deleted', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db);
      await append(db, 'desk-a', 1, 6);
      const fourth = await seqAt(db, 4);
      await asOwner(db, 'DELETE FROM audit WHERE chain_pos = 3');
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, rows: 2, seq: fourth, chainPos: 4, problem: expect.stringContaining('chain position 3 is missing') as unknown });
    } finally {
      await done();
    }
  });

  it('chains the rows already there when upgrading from version 3, and keeps chaining after', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db, 3);
      await append(db, 'old-desk', 1, 4);
      await migrate(db);
      expect(SERVER_SCHEMA_VERSION).toBeGreaterThan(3);
      const rows = await db.query<{ seq: number; chain_pos: number }>('SELECT seq::int, chain_pos::int FROM audit ORDER BY seq');
      expect(rows.map((r) => r.chain_pos)).toEqual([1, 2, 3, 4]);
      await append(db, 'new-desk', 1, 2);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 6 });
    } finally {
      await done();
    }
  });

  it('still verifies rows chained before re-keyed changes had an origin, and catches an origin changed after', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db, 7);
      await append(db, 'old-desk', 1, 3);
      await migrate(db);
      await db.query(
        `INSERT INTO audit (client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, origin_client_id, origin_mutation_id)
         VALUES ('copy-desk', 1, 'u1', 'demo-hospital', 'stock.issue', '{}'::jsonb, 1, 2, 'duplicate', 'old-desk', 2)`,
      );
      await append(db, 'new-desk', 1, 2);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 6 });
      const seq = await seqAt(db, 4);
      await asOwner(db, `UPDATE audit SET origin_mutation_id = 3 WHERE seq = $1`, [seq]);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, seq, chainPos: 4, problem: expect.stringContaining('content no longer matches') as unknown });
    } finally {
      await done();
    }
  });

  it('keeps one unbroken chain when many transactions append at once', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db);
      await Promise.all(Array.from({ length: 12 }, (_, i) => db.transaction((tx) => append(tx, `desk-${i}`, 1, 5))));
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 60 });
    } finally {
      await done();
    }
  });
});

describe('npm run server -- verify-audit', { timeout: 180_000 }, () => {
  it('prints "audit intact", then the seq of a tampered row and exits 1, and says what PGlite cannot promise', async () => {
    const { dir, cleanup } = makeTempDir('hcc-verify-');
    const run = () =>
      promisify(execFile)('npx', ['tsx', 'src/server/cli.ts', 'verify-audit', '--data-dir', dir], { env: { ...process.env, DATABASE_URL: '' } })
        .then((r) => ({ code: 0, stdout: r.stdout }), (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }));
    try {
      let db = await openPgliteDb(`${dir}/pglite`);
      await migrate(db);
      await append(db, 'desk-a', 1, 3);
      await db.close();
      const intact = await run();
      expect(intact).toMatchObject({ code: 0, stdout: expect.stringContaining('audit intact: 3 rows') as unknown });
      expect(intact.stdout).toContain('PGlite runs as its one superuser');
      db = await openPgliteDb(`${dir}/pglite`);
      const seq = await seqAt(db, 2);
      await asOwner(db, `UPDATE audit SET user_id = 'someone-else' WHERE seq = $1`, [seq]);
      await db.close();
      const broken = await run();
      expect(broken).toMatchObject({ code: 1, stdout: expect.stringContaining(`audit BROKEN at seq ${seq}`) as unknown });
    } finally {
      cleanup();
    }
  });
});
