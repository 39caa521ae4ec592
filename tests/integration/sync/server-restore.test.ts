import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { createUser } from '../../../src/server/accounts';
import { createHospitalServer, type HospitalServer } from '../../../src/server/app';
import { createWorkstation, type Workstation } from '../../../src/workstation/workstation';
import { TcpProxy } from '../../chaos/tcp-proxy';
import { startFailingHttpProxy } from '../../fixtures/failing-http-proxy';
import { createTestDatabase, databaseUrl, storageKinds, type StorageKind } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';
import { makeIncidentArgs, makeTempDir } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';

/**
 * A hospital server whose database can be backed up and put back, behind one proxy so desks keep one URL:
 * PGlite by copying its data folder while the server is stopped; PostgreSQL with CREATE DATABASE ... TEMPLATE.
 */
async function restorableServer(storage: StorageKind) {
  const folder = makeTempDir('hcc-restore-');
  const dataDir = join(folder.dir, 'server');
  const backupDir = join(folder.dir, 'backup');
  const databases: { url: string; drop: () => Promise<void> }[] = [];
  let url = storage === 'postgres' ? (databases[databases.push(await createTestDatabase()) - 1]?.url ?? '') : '';
  const open = () =>
    createHospitalServer({ logger: false, loginRateLimit: { max: 1_000, windowMs: 60_000 }, ...(storage === 'postgres' ? { databaseUrl: url } : { dataDir }) });
  let server: HospitalServer = await open();
  const proxy = new TcpProxy(Number(new URL(await server.listen(0)).port));
  const base = `http://127.0.0.1:${await proxy.listen()}`;
  const restart = async () => {
    server = await open();
    proxy.retarget(Number(new URL(await server.listen(0)).port));
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  const dbName = (u: string) => new URL(u).pathname.slice(1);
  return {
    base,
    get server() {
      return server;
    },
    /** Stops the server, copies its database, starts it again. */
    async backup() {
      await server.close();
      if (storage === 'pglite') cpSync(dataDir, backupDir, { recursive: true });
      else {
        const copy = `${dbName(url)}_backup`;
        await admin(`CREATE DATABASE ${copy} TEMPLATE ${dbName(url)}`);
        const backupUrl = new URL(url);
        backupUrl.pathname = `/${copy}`;
        databases.push({ url: backupUrl.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`) });
      }
      await restart();
    },
    /** Stops the server and brings it back on the copy taken by `backup`: everything since is gone from it. */
    async restore() {
      await server.close();
      if (storage === 'pglite') {
        rmSync(dataDir, { recursive: true, force: true });
        cpSync(backupDir, dataDir, { recursive: true });
      } else url = databases.at(-1)?.url ?? url;
      await restart();
    },
    async close() {
      await server.close();
      await proxy.close();
      for (const d of databases) await d.drop();
      folder.cleanup();
    },
  };
}

describe.each(await storageKinds())('desks after the hospital server is restored from a backup, on %s', (storage) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 120_000);

  it('re-pull the lost versions, re-send the work the server lost, skip no row and converge', async () => {
    const srv = await restorableServer(storage);
    cleanups.push(() => srv.close());
    const user = await srv.server.db.transaction((tx) =>
      createUser(tx, { username: `restore-${newId().slice(-6)}`, password: 'correct horse battery', roles: ['incident_commander'], spaces: [SPACE] }),
    );
    const desk = async (): Promise<Station> => {
      const s = makeStation();
      cleanups.push(async () => {
        await s.ws.close();
        s.cleanup();
      });
      await s.ws.call('auth.login', { serverUrl: srv.base, username: user.username, password: 'correct horse battery' });
      return s;
    };
    const [a, b] = [await desk(), await desk()];
    const synced = (ws: Workstation) => eventually(ws, () => ws.sync.status().pending === 0 && ws.sync.status().connection === 'online', 30_000);
    const stocks = [newId(), newId(), newId()];
    const incident = makeIncidentArgs();
    const has = (ws: Workstation, ids: string[]) => () => {
      const here = new Set([...ws.store.list('stock', SPACE), ...ws.store.list('incident', SPACE)].map((r) => r.id));
      return ids.every((id) => here.has(id));
    };

    await a.ws.call('mutate', { name: 'stock.receive', args: { id: stocks[0]!, item: 'Masks', store: 'ED', qty: 1 } });
    await synced(a.ws);
    await eventually(b.ws, has(b.ws, [stocks[0]!]), 20_000);
    await srv.backup();

    // After the backup: one change from each desk, seen by both.
    await a.ws.call('mutate', { name: 'stock.receive', args: { id: stocks[1]!, item: 'Gloves', store: 'ED', qty: 2 } });
    await b.ws.call('mutate', { name: 'incident.declare', args: incident });
    await synced(a.ws);
    await synced(b.ws);
    await eventually(a.ws, has(a.ws, [stocks[1]!, incident.id]), 20_000);
    await eventually(b.ws, has(b.ws, [stocks[1]!, incident.id]), 20_000);

    await srv.restore();
    const lost = await srv.server.db.query("SELECT id FROM entity WHERE id = ANY($1::text[])", [[stocks[1], incident.id]]);
    expect(lost).toEqual([]);
    await a.ws.call('mutate', { name: 'stock.receive', args: { id: stocks[2]!, item: 'Gowns', store: 'ED', qty: 3 } });

    const everything = [...stocks, incident.id];
    const onServer = async () =>
      (await srv.server.db.query<{ id: string }>('SELECT id FROM entity WHERE id = ANY($1::text[])', [everything])).length === everything.length;
    for (let i = 0; i < 300 && !(await onServer()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await onServer()).toBe(true);
    await eventually(a.ws, has(a.ws, everything), 30_000);
    await eventually(b.ws, has(b.ws, everything), 30_000);
    await synced(a.ws);
    await synced(b.ws);

    // Each change applied once since the restore, quantities as made.
    const qty = await srv.server.db.query<{ id: string; qty: number }>(
      "SELECT id, (data->>'qty')::int AS qty FROM entity WHERE kind = 'stock' AND id = ANY($1::text[]) ORDER BY (data->>'qty')::int",
      [stocks],
    );
    expect(qty.map((r) => r.qty)).toEqual([1, 2, 3]);
    for (const ws of [a.ws, b.ws]) {
      expect(ws.sync.status().notices.map((n) => n.kind)).toContain('server_restored');
      expect(ws.store.list('stock', SPACE).filter((x) => stocks.includes(x.id)).map((x) => x.qty).sort()).toEqual([1, 2, 3]);
    }
  }, 300_000);

  it('re-send a change the server confirmed and then lost to a restore before the idle desk could pull', async () => {
    const srv = await restorableServer(storage);
    cleanups.push(() => srv.close());
    const user = await srv.server.db.transaction((tx) =>
      createUser(tx, { username: `idle-${newId().slice(-6)}`, password: 'correct horse battery', roles: ['incident_commander'], spaces: [SPACE] }),
    );
    // Pulls fail while `failPulls`: the push is answered, the pull after it never is, so the desk holds the
    // server's word for the change without having seen it come back.
    let failPulls = false;
    const hop = await startFailingHttpProxy(srv.base, (path) => failPulls && path === '/api/sync/pull');
    cleanups.push(() => hop.close());
    const a = makeStation();
    cleanups.push(async () => {
      await a.ws.close();
      a.cleanup();
    });
    await a.ws.call('auth.login', { serverUrl: hop.url, username: user.username, password: 'correct horse battery' });
    const synced = () => eventually(a.ws, () => a.ws.sync.status().pending === 0 && a.ws.sync.status().connection === 'online', 60_000);
    const onServer = async (id: string) => (await srv.server.db.query('SELECT id FROM entity WHERE id = $1', [id])).length === 1;
    const [before, after] = [newId(), newId()];

    await a.ws.call('mutate', { name: 'stock.receive', args: { id: before, item: 'Masks', store: 'ED', qty: 1 } });
    await synced();
    await srv.backup();
    await synced();

    failPulls = true;
    await a.ws.call('mutate', { name: 'stock.receive', args: { id: after, item: 'Gloves', store: 'ED', qty: 2 } });
    for (let i = 0; i < 300 && !(await onServer(after)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await onServer(after)).toBe(true);
    await eventually(a.ws, () => hop.failed() > 0, 30_000);

    // The desk makes nothing more: only the pull can tell it that the server no longer has its change.
    await srv.restore();
    expect(await onServer(after)).toBe(false);
    failPulls = false;

    for (let i = 0; i < 600 && !(await onServer(after)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await onServer(after)).toBe(true);
    await synced();
    expect(a.ws.sync.status().notices.map((n) => n.kind)).toContain('server_restored');
    const qty = await srv.server.db.query<{ qty: number }>("SELECT (data->>'qty')::int AS qty FROM entity WHERE id = ANY($1::text[]) ORDER BY 1", [[before, after]]);
    expect(qty.map((r) => r.qty)).toEqual([1, 2]);
  }, 300_000);

  // Chaos seed 304 (PGlite) lost seven changes this way: a desk was cloned, then the server restored to before it.
  it('re-send a cloned desk\'s change that the server answered, lost to a restore, and whose number the other copy took since', async () => {
    const srv = await restorableServer(storage);
    cleanups.push(() => srv.close());
    const password = 'correct horse battery';
    const user = await srv.server.db.transaction((tx) =>
      createUser(tx, { username: `clone-${newId().slice(-6)}`, password, roles: ['incident_commander'], spaces: [SPACE] }),
    );
    const original = makeStation();
    cleanups.push(async () => {
      await original.ws.close();
      original.cleanup();
    });
    await original.ws.call('auth.login', { serverUrl: srv.base, username: user.username, password });
    const synced = (ws: Workstation) => eventually(ws, () => ws.sync.status().pending === 0 && ws.sync.status().connection === 'online', 60_000);
    const onServer = async (id: string) => (await srv.server.db.query('SELECT id FROM entity WHERE id = $1', [id])).length === 1;
    const [first, cloneWork, originalWork, originalMore] = [newId(), newId(), newId(), newId()];
    await original.ws.call('mutate', { name: 'stock.receive', args: { id: first, item: 'Masks', store: 'ED', qty: 1 } });
    await synced(original.ws);

    // The desk's folder is imaged to a second desk, which reaches the server through a hop that can fail its pulls.
    await original.ws.close();
    const image = makeTempDir('hcc-clone-');
    cpSync(original.dataDir, image.dir, { recursive: true });
    original.reopen();
    let failPulls = false;
    const hop = await startFailingHttpProxy(srv.base, (path) => failPulls && path === '/api/sync/pull');
    cleanups.push(() => hop.close());
    const clone = createWorkstation({ dataDir: image.dir, sync: { pollMs: 500 } });
    cleanups.push(async () => {
      await clone.close();
      image.cleanup();
    });
    await clone.call('auth.login', { serverUrl: hop.url, username: user.username, password });
    await synced(clone);
    await synced(original.ws);
    await srv.backup();
    await synced(original.ws);
    await synced(clone);

    // The clone's change is answered by the server; no pull confirms it before the server is restored, and the
    // original (shut down meanwhile) never hears of it.
    await original.ws.close();
    failPulls = true;
    await clone.call('mutate', { name: 'stock.receive', args: { id: cloneWork, item: 'Gloves', store: 'ED', qty: 2 } });
    for (let i = 0; i < 300 && !(await onServer(cloneWork)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await onServer(cloneWork)).toBe(true);
    await eventually(clone, () => hop.failed() > 0, 30_000);
    await srv.restore();
    expect(await onServer(cloneWork)).toBe(false);

    // The original, under the same client id, now fills that number and the next with its own changes.
    original.reopen();
    await original.ws.call('mutate', { name: 'stock.receive', args: { id: originalWork, item: 'Gowns', store: 'ED', qty: 3 } });
    await original.ws.call('mutate', { name: 'stock.receive', args: { id: originalMore, item: 'Caps', store: 'ED', qty: 4 } });
    for (let i = 0; i < 300 && !(await onServer(originalMore)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await onServer(originalMore)).toBe(true);

    failPulls = false;
    for (let i = 0; i < 600 && !(await onServer(cloneWork)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await onServer(cloneWork)).toBe(true);
    await synced(clone);
    await synced(original.ws);
    const applied = await srv.server.db.query<{ id: string; n: number }>(
      "SELECT args->>'id' AS id, count(*)::int AS n FROM audit WHERE result = 'applied' AND args->>'id' = ANY($1::text[]) GROUP BY 1 ORDER BY 1",
      [[cloneWork, originalWork, originalMore]],
    );
    expect(applied.map((r) => r.n)).toEqual([1, 1, 1]);
  }, 300_000);

  // Chaos seed 304 (PostgreSQL) lost two changes this way: nobody pulled the colleague's stream after the restore.
  it('find a colleague\'s change on a shared desk, confirmed then lost to a restore after they logged out, waiting for them again', async () => {
    const srv = await restorableServer(storage);
    cleanups.push(() => srv.close());
    const password = 'correct horse battery';
    const [alice, bob] = await srv.server.db.transaction(async (tx) => [
      await createUser(tx, { username: `alice-${newId().slice(-6)}`, displayName: 'Alice Chen', password, roles: ['incident_commander'], spaces: [SPACE] }),
      await createUser(tx, { username: `bob-${newId().slice(-6)}`, displayName: 'Bob Li', password, roles: ['incident_commander'], spaces: [SPACE] }),
    ]);
    const s = makeStation();
    cleanups.push(async () => {
      await s.ws.close();
      s.cleanup();
    });
    const login = (username: string) => s.ws.call('auth.login', { serverUrl: srv.base, username, password });
    const synced = () => eventually(s.ws, () => s.ws.sync.status().pending === 0 && s.ws.sync.status().connection === 'online', 60_000);
    const onServer = async (id: string) => (await srv.server.db.query('SELECT id FROM entity WHERE id = $1', [id])).length === 1;
    const [aliceWork, bobWork] = [newId(), newId()];

    await login(alice.username);
    await s.ws.call('mutate', { name: 'stock.receive', args: { id: aliceWork, item: 'Masks', store: 'ED', qty: 1 } });
    await synced();
    await srv.backup();
    await synced();

    // Bob takes the desk; his change reaches the server and a pull confirms it. He logs out, the server is restored
    // from the backup, and Alice is back at the desk.
    await s.ws.call('auth.logout', {});
    await login(bob.username);
    await s.ws.call('mutate', { name: 'stock.receive', args: { id: bobWork, item: 'Gloves', store: 'ED', qty: 2 } });
    await synced();
    await eventually(s.ws, () => s.ws.store.streams.get(bob.id)?.confirmedId === 1, 30_000);
    await s.ws.call('auth.logout', {});
    await srv.restore();
    expect(await onServer(bobWork)).toBe(false);
    await login(alice.username);
    // Alice's desk finds out that the server lost Bob's change: it waits for him again, and the desk says so.
    await eventually(s.ws, () => s.ws.sync.status().waiting.some((w) => w.userId === bob.id && w.count === 1), 60_000);
    expect(s.ws.sync.status().notices.map((n) => n.kind)).toContain('server_restored');

    await s.ws.call('auth.logout', {});
    await login(bob.username);
    for (let i = 0; i < 600 && !(await onServer(bobWork)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await onServer(bobWork)).toBe(true);
    await synced();
    const applied = await srv.server.db.query<{ n: number; user_id: string }>(
      "SELECT count(*)::int AS n, min(user_id) AS user_id FROM audit WHERE result = 'applied' AND args->>'id' = $1",
      [bobWork],
    );
    expect(applied).toEqual([{ n: 1, user_id: bob.id }]);
  }, 300_000);
});
