import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { Message } from '../../src/domain/incidents/messages';
import type { Tx, Where } from '../../src/domain/mutation';
import type { StockLevel } from '../../src/domain/resources/stock';
import { createSpace } from '../../src/server/accounts';
import type { Db } from '../../src/server/db/db';
import { migrate } from '../../src/server/db/migrations';
import { openPgDb } from '../../src/server/db/pg-db';
import { openPgliteDb } from '../../src/server/db/pglite-db';
import { createDirectTx } from '../../src/server/server-tx';
import { createLocalTx, EntityRows } from '../../src/workstation/entity-rows';
import { migrate as migrateLocal } from '../../src/workstation/migrations';
import { openDatabase } from '../../src/workstation/sqlite';
import { makeMemoryTx } from '../fixtures/memory-tx';
import { createTestDatabase, storageKinds } from '../fixtures/server';
import { makeTempDir } from '../fixtures/workstation';

/**
 * One contract for every implementation of the domain's `Tx`: the memory fixture the domain tests run on, the
 * workstation's SQLite and the server's PGlite and PostgreSQL. A mutator that behaves on one behaves on all.
 */
type Store = {
  /** A space of its own for one test (the server's entity rows need the space to exist). */
  newSpace(): Promise<string>;
  /** A transaction writing in `space`; its writes are seen by later transactions after `commit`. */
  begin(space: string): Tx;
  commit(tx: Tx): Promise<void>;
  close(): Promise<void>;
};

let spaces = 0;
const spaceName = () => `tx-contract-${++spaces}`;

function memoryStore(): Store {
  const tx = makeMemoryTx();
  return { newSpace: () => Promise.resolve(spaceName()), begin: () => tx, commit: () => Promise.resolve(), close: () => Promise.resolve() };
}

function sqliteStore(): Store {
  const temp = makeTempDir('hcc-tx-');
  const db = openDatabase(`${temp.dir}/workstation.sqlite`);
  migrateLocal(db);
  const rows = new EntityRows(db);
  return {
    newSpace: () => Promise.resolve(spaceName()),
    begin() {
      db.exec('BEGIN');
      return createLocalTx(rows, new Set());
    },
    commit: () => Promise.resolve(void db.exec('COMMIT')),
    close() {
      db.close();
      temp.cleanup();
      return Promise.resolve();
    },
  };
}

async function serverStore(kind: 'pglite' | 'postgres'): Promise<Store> {
  const database = kind === 'postgres' ? await createTestDatabase() : undefined;
  const db: Db = database ? openPgDb(database.url) : await openPgliteDb(undefined);
  await migrate(db);
  let version = 0;
  const open = new Map<Tx, () => Promise<void>>();
  return {
    async newSpace() {
      const id = spaceName();
      await createSpace(db, { id, name: id });
      return id;
    },
    begin(space) {
      const tx = createDirectTx(db, space, ++version);
      open.set(tx, tx.flush);
      return tx;
    },
    commit: (tx) => open.get(tx)?.() ?? Promise.resolve(),
    async close() {
      await db.close();
      await database?.drop();
    },
  };
}

const storeKinds = ['memory', 'sqlite', ...(await storageKinds())] as const;

function level(space: string, fields: Partial<StockLevel> = {}): StockLevel {
  return { id: newId(), space, item: 'N95 respirator', store: 'ED store', qty: 10, updatedAt: 1, ...fields };
}

function message(space: string, fields: Partial<Message> = {}): Message {
  return {
    id: newId(),
    space,
    incidentId: newId(),
    period: 1,
    to: 'Planning',
    from: 'Operations',
    subject: 'Beds',
    message: 'Open ward 5',
    urgent: false,
    sentAt: 1,
    sentBy: 'u1',
    replies: [],
    ...fields,
  };
}

/** Ids whose order by code unit differs from insertion order and from a case-insensitive collation. */
const mixedCaseIds = ['0190a000-0000-7000-8000-00000000000b', '0190A000-0000-7000-8000-00000000000a', '0190a000-0000-7000-8000-00000000000a'];

describe.each(storeKinds)('the transaction interface on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = kind === 'memory' ? memoryStore() : kind === 'sqlite' ? sqliteStore() : await serverStore(kind);
  });
  afterAll(() => store.close());

  async function seed(space: string, rows: { stock?: StockLevel[]; message?: Message[] }): Promise<void> {
    const tx = store.begin(space);
    for (const row of rows.stock ?? []) await tx.put('stock', row);
    for (const row of rows.message ?? []) await tx.put('message', row);
    await store.commit(tx);
  }

  it('gives back what was put, validated, and nothing for an id never put', async () => {
    const space = await store.newSpace();
    const row = level(space);
    await seed(space, { stock: [row] });
    const tx = store.begin(space);
    expect(await tx.get('stock', row.id)).toEqual(row);
    expect(await tx.get('stock', newId())).toBeUndefined();
    await expect(tx.put('stock', { ...row, qty: -1 })).rejects.toThrow();
    await store.commit(tx);
  });

  it('queries one kind in one space, ordered by id whatever the insertion order or the database collation', async () => {
    const space = await store.newSpace();
    const elsewhere = await store.newSpace();
    await seed(space, { stock: mixedCaseIds.map((id) => level(space, { id })), message: [message(space)] });
    await seed(elsewhere, { stock: [level(elsewhere)] });
    const tx = store.begin(space);
    expect((await tx.query('stock', space)).map((l) => l.id)).toEqual([mixedCaseIds[1], mixedCaseIds[2], mixedCaseIds[0]]);
    await store.commit(tx);
  });

  it('filters on string, number and boolean fields, all of them at once', async () => {
    const space = await store.newSpace();
    const ed = level(space, { store: 'ED store', qty: 5 });
    const icu = level(space, { store: 'ICU store', qty: 5 });
    const edMore = level(space, { store: 'ED store', qty: 50 });
    const urgent = message(space, { urgent: true });
    await seed(space, { stock: [ed, icu, edMore], message: [urgent, message(space)] });
    const tx = store.begin(space);
    const ids = async (where: Where<'stock'>) => (await tx.query('stock', space, { where })).map((l) => l.id);
    expect(await ids({ store: 'ED store' })).toEqual([ed.id, edMore.id].sort());
    expect(await ids({ qty: 5 })).toEqual([ed.id, icu.id].sort());
    expect(await ids({ store: 'ED store', qty: 50 })).toEqual([edMore.id]);
    expect(await ids({ store: 'ward 5' })).toEqual([]);
    expect((await tx.query('message', space, { where: { urgent: true } })).map((m) => m.id)).toEqual([urgent.id]);
    expect(await tx.query('message', space, { where: { urgent: false } })).toHaveLength(1);
    await store.commit(tx);
  });

  it('refuses a field name that could reach into the query itself', async () => {
    const space = await store.newSpace();
    const tx = store.begin(space);
    const where = { "store') OR 1=1 --": 'x' } as Where<'stock'>;
    await expect(tx.query('stock', space, { where })).rejects.toThrow(/not a field name/);
    await store.commit(tx);
  });

  it('leaves a tombstone on delete: gone from get and query, brought back by a later put', async () => {
    const space = await store.newSpace();
    const kept = level(space);
    const gone = level(space);
    await seed(space, { stock: [kept, gone] });
    const tx = store.begin(space);
    await tx.del('stock', gone.id);
    expect(await tx.get('stock', gone.id)).toBeUndefined();
    expect((await tx.query('stock', space)).map((l) => l.id)).toEqual([kept.id]);
    await store.commit(tx);
    const later = store.begin(space);
    expect(await later.get('stock', gone.id)).toBeUndefined();
    expect(await later.query('stock', space, { where: { store: gone.store } })).toEqual([kept]);
    await later.put('stock', { ...gone, qty: 3 });
    expect(await later.query('stock', space)).toEqual([kept, { ...gone, qty: 3 }].sort((a, b) => (a.id < b.id ? -1 : 1)));
    await store.commit(later);
  });

  it("sees the transaction's own writes in a query, in or out of the filter as they now stand", async () => {
    const space = await store.newSpace();
    const moved = level(space, { store: 'ED store' });
    const stays = level(space, { store: 'ED store' });
    await seed(space, { stock: [moved, stays] });
    const tx = store.begin(space);
    const added = level(space, { store: 'ED store' });
    await tx.put('stock', added);
    await tx.put('stock', { ...moved, store: 'ICU store' });
    expect((await tx.query('stock', space, { where: { store: 'ED store' } })).map((l) => l.id)).toEqual([stays.id, added.id].sort());
    expect((await tx.query('stock', space, { where: { store: 'ICU store' } })).map((l) => l.id)).toEqual([moved.id]);
    await store.commit(tx);
  });
});
