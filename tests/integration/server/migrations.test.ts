import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { createUser } from '../../../src/server/accounts';
import { bindClient } from '../../../src/server/client-binding';
import type { Db } from '../../../src/server/db/db';
import { migrate, migrations, schemaVersion, SchemaTooNewError, SERVER_SCHEMA_VERSION } from '../../../src/server/db/migrations';
import { openPgDb } from '../../../src/server/db/pg-db';
import { openPgliteDb } from '../../../src/server/db/pglite-db';
import { readPull } from '../../../src/server/pull';
import { applyPush } from '../../../src/server/push';
import { createTestDatabase, storageKinds, TEST_DESK_PROOF } from '../../fixtures/server';

type Fresh = { db: Db; done: () => Promise<void> };

const tables = async (db: Db) =>
  (await db.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map((r) => r.t);

describe.each(await storageKinds())('server migrations on %s', (storage) => {
  // One PGlite for the file (start-ups cost seconds), emptied between tests; PostgreSQL gets a database per test.
  let pglite: Db | undefined;
  beforeAll(async () => {
    if (storage === 'pglite') pglite = await openPgliteDb(undefined);
  });
  afterAll(() => pglite?.close());

  const fresh = async (): Promise<Fresh> => {
    if (pglite) {
      await pglite.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      return { db: pglite, done: () => Promise.resolve() };
    }
    const database = await createTestDatabase();
    const db = openPgDb(database.url);
    return { db, done: () => db.close().then(database.drop) };
  };

  it('builds the newest schema from an empty database, with the default space', async () => {
    const { db, done } = await fresh();
    try {
      expect(await schemaVersion(db)).toBe(0);
      expect(await migrate(db)).toBe(SERVER_SCHEMA_VERSION);
      expect(await tables(db)).toEqual(['app_user', 'audit', 'client', 'entity', 'schema_migrations', 'server_meta', 'session', 'space', 'space_version', 'user_space']);
      expect(await db.query('SELECT id, version FROM space')).toEqual([{ id: 'demo-hospital', version: 0 }]);
      expect(await migrate(db)).toBe(SERVER_SCHEMA_VERSION);
    } finally {
      await done();
    }
  });

  it('upgrades from the previous version, keeping its data', async () => {
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    const { db, done } = await fresh();
    try {
      expect(await migrate(db, SERVER_SCHEMA_VERSION - 1)).toBe(SERVER_SCHEMA_VERSION - 1);
      const user = await createUser(db, { username: 'li.wei', password: 'long enough pw', roles: ['operator'], spaces: ['demo-hospital'] });
      expect(await migrate(db)).toBe(SERVER_SCHEMA_VERSION);
      expect(await db.query('SELECT username FROM app_user')).toEqual([{ username: 'li.wei' }]);
      // The upgraded database works end to end: a push applies and is audited.
      const outcome = await applyPush(
        db,
        { user, spaces: ['demo-hospital'], tokenHash: 'x', expiresAt: Number.MAX_SAFE_INTEGER },
        {
          protocolVersion: 1,
          clientId: 'client-migration',
          deskProof: TEST_DESK_PROOF,
          mutations: [{ mutationId: 1, name: 'stock.receive', args: { id: newId(), item: 'masks', store: 'ED', qty: 4 }, space: 'demo-hospital', at: Date.now() }],
        },
        Date.now,
      );
      expect(outcome.response.results).toEqual([{ mutationId: 1, status: 'applied' }]);
    } finally {
      await done();
    }
  });

  it('adds params to an audit from version 2: old refusals keep none, new ones record theirs', async () => {
    const { db, done } = await fresh();
    try {
      expect(await migrate(db, 2)).toBe(2);
      const user = await createUser(db, { username: 'zhao.min', password: 'long enough pw', roles: ['logistics_chief'], spaces: ['demo-hospital'] });
      const auth = { user, spaces: ['demo-hospital'], tokenHash: 'x', expiresAt: Number.MAX_SAFE_INTEGER };
      await db.query(
        `INSERT INTO audit (client_id, mutation_id, user_id, space, name, args, client_at, server_at, result, code, message)
         VALUES ('client-params', 1, $1, 'demo-hospital', 'stock.issue', '{}'::jsonb, 0, 0, 'rejected', 'stock_negative', 'only 3')`,
        [user.id],
      );
      await db.query(`INSERT INTO client (id, last_mutation_id, last_user_id, created_at, updated_at) VALUES ('client-params', 1, $1, 0, 0)`, [user.id]);
      expect(await migrate(db)).toBe(SERVER_SCHEMA_VERSION);
      const stock = newId();
      const outcome = await applyPush(db, auth, {
        protocolVersion: 1,
        clientId: 'client-params',
        deskProof: TEST_DESK_PROOF,
        mutations: [
          { mutationId: 1, name: 'stock.issue', args: {}, space: 'demo-hospital', at: Date.now() },
          { mutationId: 2, name: 'stock.receive', args: { id: stock, item: 'masks', store: 'ED', qty: 4 }, space: 'demo-hospital', at: Date.now() },
          { mutationId: 3, name: 'stock.issue', args: { id: stock, qty: 9 }, space: 'demo-hospital', at: Date.now() },
        ],
      }, Date.now);
      // The refusal from before the upgrade is resent: it answers as it was recorded, without params.
      expect(outcome.response.results).toEqual([
        { mutationId: 1, status: 'duplicate', code: 'stock_negative', message: 'only 3' },
        { mutationId: 2, status: 'applied' },
        { mutationId: 3, status: 'rejected', code: 'stock_negative', message: expect.any(String) as unknown, params: { item: 'masks', store: 'ED', onHand: 4, requested: 9 } },
      ]);
      expect(await db.query('SELECT mutation_id::int, params FROM audit ORDER BY mutation_id')).toEqual([
        { mutation_id: 1, params: null },
        { mutation_id: 2, params: null },
        { mutation_id: 3, params: { item: 'masks', store: 'ED', onHand: 4, requested: 9 } },
      ]);
      const pulled = await readPull(db, { clientId: 'client-params', cursors: {}, rejectionsAfter: 0, limit: 10 });
      expect(pulled.rejections).toEqual([
        { mutationId: 1, code: 'stock_negative', message: 'only 3' },
        { mutationId: 3, code: 'stock_negative', message: expect.any(String) as unknown, params: { item: 'masks', store: 'ED', onHand: 4, requested: 9 } },
      ]);
    } finally {
      await done();
    }
  });

  it('adds receive times to the rows of a database from the version before: old rows pull without one, new ones with the server\'s', async () => {
    const { db, done } = await fresh();
    try {
      // 5: the schema just before receive times (migration 6), whatever was added after it.
      expect(await migrate(db, 5)).toBe(5);
      const user = await createUser(db, { username: 'he.jun', password: 'long enough pw', roles: ['operator'], spaces: ['demo-hospital'] });
      const auth = { user, spaces: ['demo-hospital'], tokenHash: 'x', expiresAt: Number.MAX_SAFE_INTEGER };
      const push = (mutationId: number, item: string) =>
        applyPush(db, auth, {
          protocolVersion: 2, clientId: 'client-received', deskProof: TEST_DESK_PROOF,
          mutations: [{ mutationId, name: 'stock.receive', args: { id: newId(), item, store: 'ED', qty: 1 }, space: 'demo-hospital', at: Date.UTC(2026, 10, 1) }],
        }, () => Date.UTC(2026, 10, 2));
      // A row as the version before wrote it (this build's push writes the new column).
      await db.query(
        `INSERT INTO entity (kind, id, space, data, version, deleted) VALUES ('stock', $1, 'demo-hospital', $2::jsonb, 1, false)`,
        [newId(), JSON.stringify({ item: 'old masks' })],
      );
      await db.query(`UPDATE space SET version = 1 WHERE id = 'demo-hospital'`);
      expect(await migrate(db)).toBe(SERVER_SCHEMA_VERSION);
      await push(1, 'new masks');
      const pulled = await readPull(db, { clientId: 'client-received', cursors: { 'demo-hospital': 0 }, rejectionsAfter: 0, limit: 10 });
      const byItem = Object.fromEntries(pulled.rows.map((r) => [(r.data as { item: string }).item, r.receivedAt]));
      expect(byItem).toEqual({ 'old masks': null, 'new masks': Date.UTC(2026, 10, 2) });
    } finally {
      await done();
    }
  });

  it('gives a database from version 3 an epoch, and its clients their last user as owner, who keeps pushing under them', async () => {
    const { db, done } = await fresh();
    try {
      expect(await migrate(db, 3)).toBe(3);
      const user = await createUser(db, { username: 'sun.li', password: 'long enough pw', roles: ['operator'], spaces: ['demo-hospital'] });
      await db.query(`INSERT INTO client (id, last_mutation_id, last_user_id, created_at, updated_at) VALUES ('client-v3', 2, $1, 0, 0)`, [user.id]);
      expect(await migrate(db)).toBe(SERVER_SCHEMA_VERSION);
      expect(await db.query(`SELECT length(value) > 0 AS has FROM server_meta WHERE key = 'epoch'`)).toEqual([{ has: true }]);
      const auth = { user, spaces: ['demo-hospital'], tokenHash: 'x', expiresAt: Number.MAX_SAFE_INTEGER };
      await bindClient(db, auth, 'client-v3', TEST_DESK_PROOF, 1);
      const stranger = await createUser(db, { username: 'qian.yu', password: 'long enough pw', roles: ['operator'], spaces: ['demo-hospital'] });
      await expect(bindClient(db, { ...auth, user: stranger }, 'client-v3', TEST_DESK_PROOF, 1)).rejects.toThrow(/another account/);
      const outcome = await applyPush(db, auth, {
        protocolVersion: 2, clientId: 'client-v3', deskProof: TEST_DESK_PROOF,
        mutations: [{ mutationId: 3, name: 'stock.receive', args: { id: newId(), item: 'masks', store: 'ED', qty: 1 }, space: 'demo-hospital', at: Date.UTC(2026, 10, 1) }],
      }, Date.now);
      expect(outcome.response).toEqual({ results: [{ mutationId: 3, status: 'applied' }], lastMutationId: 3 });
    } finally {
      await done();
    }
  });

  it('refuses a database written by a newer server', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db);
      await db.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [SERVER_SCHEMA_VERSION + 1]);
      await expect(migrate(db)).rejects.toBeInstanceOf(SchemaTooNewError);
    } finally {
      await done();
    }
  });

  it('keeps the audit append-only', async () => {
    const { db, done } = await fresh();
    try {
      await migrate(db);
      await db.query(
        `INSERT INTO audit (client_id, mutation_id, user_id, space, name, args, client_at, server_at, result)
         VALUES ('c', 1, 'u', 'demo-hospital', 'stock.issue', '{}'::jsonb, 0, 0, 'applied')`,
      );
      await expect(db.query(`UPDATE audit SET result = 'rejected'`)).rejects.toThrow(/append-only/);
      await expect(db.query(`UPDATE audit SET params = '{"onHand": 0}'::jsonb`)).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit')).rejects.toThrow(/append-only/);
      await expect(db.query('TRUNCATE audit')).rejects.toThrow(/append-only/);
    } finally {
      await done();
    }
  });

  it.runIf(storage === 'postgres')('lets two instances starting together migrate one database once', async () => {
    const database = await createTestDatabase();
    const [one, two] = [openPgDb(database.url), openPgDb(database.url)];
    try {
      expect(await Promise.all([migrate(one), migrate(two)])).toEqual([SERVER_SCHEMA_VERSION, SERVER_SCHEMA_VERSION]);
      expect(await one.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(
        migrations.map((_, i) => ({ version: i + 1 })),
      );
    } finally {
      await one.close();
      await two.close();
      await database.drop();
    }
  });
});
