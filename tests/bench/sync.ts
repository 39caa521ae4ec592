/**
 * `npm run bench:sync`: sync figures on loopback, each beside a baseline measured in the same run.
 *  (a) propagation A -> B with 20 connected workstations, p50/p99, beside a bare WebSocket echo round trip;
 *  (b) server throughput from 50 concurrent clients, beside bare single-row INSERT transactions, same driver;
 *  (c) catch-up after 100,000 server changes while holding 5,000 pending mutations, beside bulk-inserting the
 *      same rows into SQLite.
 * Storage: PostgreSQL when DATABASE_URL is set (a fresh database), PGlite otherwise. Last line: one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import { SYNC_PROTOCOL_VERSION } from '../../src/contract/sync';
import { newId } from '../../src/domain/ids';
import { createUser } from '../../src/server/accounts';
import { createHospitalServer, type HospitalServer } from '../../src/server/app';
import type { Db } from '../../src/server/db/db';
import { migrate as migrateSqlite } from '../../src/workstation/migrations';
import { openDatabase } from '../../src/workstation/sqlite';
import { createWorkstation, type Workstation } from '../../src/workstation/workstation';
import { createTestDatabase } from '../fixtures/server';
import { percentile, round } from './stats';

const SPACE = 'demo-hospital';
const USER = { username: 'bench', password: 'bench-password-1' };
const log = (message: string) => process.stderr.write(`bench:sync ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PROPAGATION_SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
const CATCHUP_ROWS = Number(process.env['BENCH_CATCHUP_ROWS'] ?? 100_000);
const CATCHUP_PENDING = Number(process.env['BENCH_CATCHUP_PENDING'] ?? 5_000);
const THROUGHPUT_SECONDS = Number(process.env['BENCH_THROUGHPUT_SECONDS'] ?? 5);
const PUSH_BATCH = 10;

/** A fresh database on the PostgreSQL at DATABASE_URL, or null to run on PGlite. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  return process.env['DATABASE_URL'] ? createTestDatabase() : null;
}

async function login(ws: Workstation, url: string): Promise<void> {
  await ws.call('auth.login', { serverUrl: url, ...USER });
}

/** Resolves when `ws` emits a change event after which `check` holds. */
function waitFor(ws: Workstation, check: () => boolean, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve(performance.now());
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('timed out waiting for propagation'));
    }, timeoutMs);
    const unsubscribe = ws.subscribe((event) => {
      if (event.type === 'changed' && check()) {
        clearTimeout(timer);
        unsubscribe();
        resolve(performance.now());
      }
    });
  });
}

async function wsEchoP99(): Promise<number> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve) => client.once('open', resolve));
  const samples: number[] = [];
  for (let i = 0; i < PROPAGATION_SAMPLES; i++) {
    const start = performance.now();
    await new Promise<void>((resolve) => {
      client.once('message', () => resolve());
      client.send(JSON.stringify({ type: 'poke', space: SPACE, version: i }));
    });
    samples.push(performance.now() - start);
  }
  client.close();
  await new Promise((resolve) => server.close(resolve));
  return percentile(samples, 99);
}

async function propagation(url: string, root: string): Promise<{ p50: number; p99: number }> {
  const stations: Workstation[] = [];
  for (let i = 0; i < 20; i++) {
    const ws = createWorkstation({ dataDir: join(root, `ws-${i}`), sync: { pollMs: 30_000 } });
    await login(ws, url);
    stations.push(ws);
  }
  const [a, b] = stations;
  if (!a || !b) throw new Error('no workstations');
  const id = newId();
  await a.call('mutate', { name: 'incident.declare', args: { id, name: 'Bench incident', type: 'other', level: 'IV', location: '', discoveredAt: 0 } });
  await waitFor(b, () => b.store.list('incident', SPACE).some((i) => i.id === id), 30_000);
  const samples: number[] = [];
  for (let i = 0; i < PROPAGATION_SAMPLES; i++) {
    const name = `Bench ${i}`;
    const seen = waitFor(b, () => b.store.list('incident', SPACE).some((x) => x.id === id && x.name === name));
    const start = performance.now();
    await a.call('mutate', { name: 'incident.rename', args: { id, name } });
    samples.push((await seen) - start);
  }
  for (const ws of stations) await ws.close();
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function loginToken(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(USER) });
  return ((await response.json()) as { token: string }).token;
}

/** 50 clients pushing batches of stock receipts as fast as the server takes them. */
async function throughput(url: string): Promise<number> {
  const token = await loginToken(url);
  let applied = 0;
  const end = performance.now() + THROUGHPUT_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async (_, c) => {
      const clientId = `bench-client-${c}-${process.pid}`;
      const rowId = newId();
      let mutationId = 0;
      while (performance.now() < end) {
        const mutations = Array.from({ length: PUSH_BATCH }, () => ({
          mutationId: ++mutationId, name: 'stock.receive', args: { id: rowId, item: 'N95', store: 'ED', qty: 1 }, space: SPACE, at: Date.now(),
        }));
        const response = await fetch(`${url}/api/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ protocolVersion: SYNC_PROTOCOL_VERSION, clientId, mutations }),
        });
        if (!response.ok) throw new Error(`push failed: ${response.status} ${await response.text()}`);
        applied += PUSH_BATCH;
      }
    }),
  );
  return applied / ((performance.now() - started) / 1000);
}

/** Bare single-row INSERT transactions through the same driver, with the same 50-way concurrency. */
async function baselineInserts(db: Db): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, payload text NOT NULL)');
  let done = 0;
  const end = performance.now() + THROUGHPUT_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (performance.now() < end) {
        await db.transaction((tx) => tx.query('INSERT INTO bench_baseline (payload) VALUES ($1)', ['x']));
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** Writes `count` stock rows as other workstations' changes would leave them (set-based, so setup is quick). */
async function serverChanges(db: Db, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [space] = await tx.query<{ version: string }>('UPDATE space SET version = version + 1 WHERE id = $1 RETURNING version', [SPACE]);
    const version = Number(space?.version);
    await tx.query(
      `INSERT INTO entity (kind, id, space, data, version, deleted)
       SELECT 'stock', md5(g::text)::uuid::text, $1,
              jsonb_build_object('id', md5(g::text)::uuid::text, 'space', $1::text, 'item', 'Item ' || g, 'store', 'Central store',
                                 'qty', g % 500, 'updatedAt', 1790000000000),
              $2, false
       FROM generate_series(1, $3::int) AS g`,
      [SPACE, version, count],
    );
  });
}

async function catchup(server: HospitalServer, url: string, root: string): Promise<{ catchupMs: number; baselineMs: number }> {
  const ws = createWorkstation({ dataDir: join(root, 'catchup'), sync: { pollMs: 60_000, pullLimit: 10_000, pushBatch: 1_000 } });
  await login(ws, url);
  await waitFor(ws, () => ws.sync.status().connection === 'online' && ws.store.pendingCount() === 0, 30_000).catch(() => undefined);
  await ws.sync.stop();
  for (let i = 0; i < CATCHUP_PENDING; i++) {
    await ws.call('mutate', { name: 'stock.receive', args: { id: newId(), item: `Own ${i}`, store: 'Ward 3', qty: 5 } });
  }
  await serverChanges(server.db, CATCHUP_ROWS);
  log(`catch-up: ${CATCHUP_ROWS} server rows, ${CATCHUP_PENDING} pending; reconnecting`);
  const start = performance.now();
  ws.sync.start();
  ws.sync.requestSync();
  const expected = CATCHUP_ROWS + CATCHUP_PENDING;
  for (;;) {
    const done = await ws.queue.run(() => ws.store.pendingCount() === 0 && ws.store.list('stock', SPACE).length >= expected);
    if (done) break;
    await sleep(20);
  }
  const catchupMs = performance.now() - start;
  await ws.close();

  // Baseline: the same rows bulk-inserted into a fresh SQLite store in one transaction.
  const rows = await server.db.query<{ kind: string; id: string; space: string; data: unknown; version: string }>(
    "SELECT kind, id, space, data, version FROM entity WHERE kind = 'stock'",
  );
  const db = openDatabase(join(root, 'baseline', 'workstation.sqlite'));
  migrateSqlite(db);
  const insert = db.prepare('INSERT INTO entity (kind, id, space, data, version, deleted) VALUES (?, ?, ?, ?, ?, 0)');
  const baselineStart = performance.now();
  db.transaction(() => {
    for (const row of rows) insert.run(row.kind, row.id, row.space, JSON.stringify(row.data), Number(row.version));
  })();
  const baselineMs = performance.now() - baselineStart;
  db.close();
  return { catchupMs, baselineMs };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'hcc-bench-'));
  const postgres = await freshPostgres();
  // Twenty workstations log in at once from one address: lift the per-user login limit for this run.
  const server = await createHospitalServer({
    databaseUrl: postgres?.url,
    dataDir: join(root, 'server'),
    logger: false,
    poolSize: 20,
    loginRateLimit: { max: 1_000, windowMs: 60_000 },
  });
  try {
    await createUser(server.db, { ...USER, roles: ['admin'], spaces: [SPACE] });
    const url = await server.listen(0, '127.0.0.1');
    const store = server.db.kind;
    log(`store ${store}; (a) propagation with 20 workstations`);
    const wsEcho = await wsEchoP99();
    const { p50, p99 } = await propagation(url, root);
    log('(b) throughput from 50 clients');
    const mutationsPerS = await throughput(url);
    const baselineTxnPerS = await baselineInserts(server.db);
    log('(c) catch-up');
    const { catchupMs, baselineMs } = await catchup(server, url, root);
    const result = {
      store,
      propagation_p50_ms: round(p50),
      propagation_p99_ms: round(p99),
      ws_echo_p99_ms: round(wsEcho),
      mutations_per_s: round(mutationsPerS, 0),
      baseline_txn_per_s: round(baselineTxnPerS, 0),
      throughput_ratio: round(mutationsPerS / baselineTxnPerS),
      push_batch: PUSH_BATCH,
      catchup_ms: round(catchupMs, 0),
      catchup_baseline_ms: round(baselineMs, 0),
      catchup_ratio: round(catchupMs / baselineMs),
    };
    console.log(JSON.stringify(result));
  } finally {
    await server.close();
    await postgres?.drop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
