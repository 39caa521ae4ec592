/**
 * Fault-injection run: `npm run test:chaos -- --seed N --clients 8 --seconds 60 [--store pglite|postgres]`.
 * Workstations in their own processes behind misbehaving TCP proxies; the server SIGKILLed and restarted;
 * clients SIGKILLed mid-write. Then everything heals and the run checks that nothing acknowledged was lost or
 * applied twice, that every replica equals the server, and that stock never went negative.
 * The last line of output is one JSON object; the exit code is non-zero on any failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newId } from '../../src/domain/ids';
import { createTestDatabase } from '../fixtures/server';
import { openDb } from '../../src/server/db/open';
import { makeRandom, type Random } from './prng';
import { freePort, runServerCli, ServerProcess, WorkerProcess } from './processes';
import { TcpProxy } from './tcp-proxy';
import { canonical, readServerState, replicaDiffers, stockReplayMismatches, type Acked } from './verify';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '60' },
    store: { type: 'string', default: 'pglite' },
  },
});
const seed = Number(values.seed);
const clientCount = Number(values.clients);
const seconds = Number(values.seconds);
const store = values.store === 'postgres' ? 'postgres' : 'pglite';
const random = makeRandom(seed);
const log = (message: string) => process.stderr.write(`chaos[${seed}] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const USER = { username: 'chaos', password: 'chaos-password-1' };
const SPACE = 'demo-hospital';

async function prepareStorage(): Promise<{ env: NodeJS.ProcessEnv; databaseUrl?: string; drop: () => Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DATABASE_URL'];
  if (store === 'pglite') return { env, drop: () => Promise.resolve() };
  const database = await createTestDatabase();
  env['DATABASE_URL'] = database.url;
  return { env, databaseUrl: database.url, drop: database.drop };
}

type Shared = { incidents: string[]; stock: string[] };

function randomMutation(rnd: Random, shared: Shared): { name: string; args: unknown } {
  const roll = rnd.next();
  if (roll < 0.35) return { name: 'stock.issue', args: { id: rnd.pick(shared.stock), qty: rnd.int(1, 6) } };
  if (roll < 0.45) return { name: 'stock.receive', args: { id: rnd.pick(shared.stock), item: 'N95', store: 'ED', qty: rnd.int(1, 4) } };
  if (roll < 0.7) return { name: 'incident.rename', args: { id: rnd.pick(shared.incidents), name: `Incident ${rnd.int(1, 1_000_000)}` } };
  if (roll < 0.9) return { name: 'incident.setLevel', args: { id: rnd.pick(shared.incidents), level: rnd.pick(['I', 'II', 'III', 'IV']), reason: 'drill' } };
  return {
    name: 'incident.declare',
    args: { id: newId(), name: `Declared ${rnd.int(1, 1000)}`, type: 'other', level: 'IV', location: '', discoveredAt: 1_790_000_000_000 },
  };
}

async function main(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), `hcc-chaos-${seed}-`));
  const serverDir = join(root, 'server');
  const storage = await prepareStorage();
  const serverPort = await freePort();
  const server = new ServerProcess(serverPort, serverDir, storage.env);
  const proxies: TcpProxy[] = [];
  const workers: WorkerProcess[] = [];
  const acked: Acked[] = [];
  let ops = 0;
  let partitions = 0;
  let clientKills = 0;
  try {
    await runServerCli(['create-user', '--data-dir', serverDir, '--username', USER.username, '--password', USER.password, '--roles', 'admin', '--spaces', SPACE], storage.env);
    await server.start();
    for (let i = 0; i < clientCount; i++) {
      const proxy = new TcpProxy(serverPort);
      const port = await proxy.listen();
      proxies.push(proxy);
      const worker = new WorkerProcess(join(root, `client-${i}`));
      await worker.start();
      const login = await worker.request({ type: 'login', serverUrl: `http://127.0.0.1:${port}`, ...USER });
      if (login.type !== 'done') throw new Error(`client ${i} could not log in: ${JSON.stringify(login)}`);
      workers.push(worker);
    }

    // Shared records everyone contends for: a few incidents and stock rows.
    const shared: Shared = { incidents: [], stock: [] };
    const first = workers[0];
    if (!first) throw new Error('no clients');
    const record = async (worker: WorkerProcess, name: string, args: unknown) => {
      ops++;
      const clientId = worker.clientId;
      const answer = await worker.request({ type: 'mutate', name, args });
      if (answer.type === 'acked') acked.push({ clientId, mutationId: answer.mutationId, name });
      return answer;
    };
    for (let i = 0; i < 3; i++) {
      const id = newId();
      shared.incidents.push(id);
      await record(first, 'incident.declare', { id, name: `Shared ${i}`, type: 'mass_casualty', level: 'III', location: 'ED', discoveredAt: 1_790_000_000_000 });
    }
    for (let i = 0; i < 4; i++) {
      const id = newId();
      shared.stock.push(id);
      await record(first, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 40 });
    }
    await converge(workers, 60_000);

    const end = Date.now() + seconds * 1000;
    const inflight = new Set<Promise<unknown>>();
    let lastServerKill = Date.now();
    while (Date.now() < end) {
      await sleep(random.int(5, 40));
      const roll = random.next();
      const index = random.int(0, workers.length - 1);
      const worker = workers[index];
      const proxy = proxies[index];
      if (!worker || !proxy) continue;
      if (roll < 0.8) {
        if (!worker.alive) continue;
        const { name, args } = randomMutation(random, shared);
        const p = record(worker, name, args).finally(() => inflight.delete(p));
        inflight.add(p);
      } else if (roll < 0.86) {
        partitions++;
        proxy.setMode('down');
        setTimeout(() => proxy.setMode('up'), random.int(300, 3_000));
      } else if (roll < 0.9) {
        proxy.setMode('cut-responses');
        setTimeout(() => proxy.setMode('up'), random.int(100, 1_500));
      } else if (roll < 0.94) {
        proxy.delayMs = random.int(20, 400);
        setTimeout(() => (proxy.delayMs = 0), random.int(500, 3_000));
      } else if (roll < 0.975) {
        if (!worker.alive) continue;
        // Kill it in the middle of a write: the write may or may not have been acknowledged; only acknowledged ones count.
        const { name, args } = randomMutation(random, shared);
        void record(worker, name, args);
        await sleep(random.int(0, 8));
        worker.kill();
        clientKills++;
        await sleep(random.int(100, 800));
        await worker.start();
      } else if (Date.now() - lastServerKill > Math.min(8_000, (seconds * 1000) / 3)) {
        server.kill();
        lastServerKill = Date.now();
        await sleep(random.int(200, 1_500));
        await server.start();
      }
    }
    await Promise.all(inflight);

    // Heal everything and measure how long the replicas take to agree with the server.
    log(`healing after ${ops} operations`);
    for (const proxy of proxies) {
      proxy.setMode('up');
      proxy.delayMs = 0;
    }
    await server.start();
    for (const worker of workers) if (!worker.alive) await worker.start();
    const healStart = Date.now();
    const converged = await converge(workers, 90_000);
    const convergeMs = Date.now() - healStart;
    if (!converged) {
      log('replicas did not converge in time; their sync status:');
      for (const worker of workers) {
        const answer = await worker.request({ type: 'status' });
        if (answer.type === 'status') {
          const { connection, pending, lastError, needsLogin, updateRequired } = answer.status;
          log(`  ${worker.clientId}: ${JSON.stringify({ connection, pending, lastError, needsLogin, updateRequired })}`);
        }
      }
    }

    // Read the replicas, then the server's own database, and compare.
    const dumps = [];
    for (const worker of workers) {
      const dump = await worker.request({ type: 'dump' });
      dumps.push(dump.type === 'dump' ? dump : null);
      await worker.stop();
    }
    await server.stop();
    const db = await openDb({ databaseUrl: storage.databaseUrl, dataDir: storage.databaseUrl ? undefined : serverDir });
    const state = await readServerState(db);
    const { mismatches, negatives } = await stockReplayMismatches(db);
    await db.close();

    const lost = acked.filter((a) => !state.audit.has(`${a.clientId}#${a.mutationId}`)).length;
    const unexplained = [...state.audit.values()].filter((a) => a.result === 'rejected' && !a.code).length;
    const duplicated = [...state.audit.values()].filter((a) => a.result === 'duplicate').length + mismatches;
    let diverged = 0;
    let replicaNegatives = 0;
    for (const dump of dumps) {
      if (!dump || dump.pending > 0 || replicaDiffers(state, dump.rows) > 0) diverged++;
      for (const row of dump?.rows ?? []) if (row.kind === 'stock' && (JSON.parse(row.data) as { qty: number }).qty < 0) replicaNegatives++;
    }
    const result = {
      seed,
      store,
      ops,
      acked: acked.length,
      applied: [...state.audit.values()].filter((a) => a.result === 'applied').length,
      rejected: [...state.audit.values()].filter((a) => a.result === 'rejected').length,
      lost,
      duplicated,
      diverged_replicas: diverged,
      invariant_violations: negatives + replicaNegatives + unexplained,
      partitions,
      server_kills: server.kills,
      client_kills: clientKills,
      converge_ms: convergeMs,
    };
    console.log(JSON.stringify(result));
    return lost + duplicated + diverged + result.invariant_violations === 0 && converged ? 0 : 1;
  } finally {
    for (const worker of workers) worker.kill();
    await server.stop();
    for (const proxy of proxies) await proxy.close();
    await storage.drop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Nudges every workstation to sync until all outboxes are empty and all replicas hold the same rows in two
 * rounds running (a single equal round could still be one pull behind the server).
 */
async function converge(workers: readonly WorkerProcess[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let previous: string | null = null;
  while (Date.now() < deadline) {
    await Promise.all(workers.map((w) => w.request({ type: 'syncNow' })));
    await sleep(200);
    const statuses = await Promise.all(workers.map((w) => w.request({ type: 'status' })));
    const settled = statuses.every((s) => s.type === 'status' && s.status.pending === 0 && s.status.connection === 'online');
    if (!settled) {
      previous = null;
      continue;
    }
    const dumps = await Promise.all(workers.map((w) => w.request({ type: 'dump' })));
    const fingerprints = new Set(
      dumps.map((d) => (d.type === 'dump' ? d.rows.map((r) => `${r.kind}/${r.id}:${r.deleted}:${canonical(JSON.parse(r.data))}`).join('\n') : 'none')),
    );
    const [only] = fingerprints;
    if (fingerprints.size === 1 && only !== undefined) {
      if (only === previous) return true;
      previous = only;
    } else {
      previous = null;
    }
  }
  return false;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
