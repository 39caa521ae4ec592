/**
 * Fault-injection run: `npm run test:chaos -- --seed N --clients 8 --seconds 60 [--store pglite|postgres]
 * [--instances 2] [--faults all|network|<list>]` (list: clock-skew, desk-restore, desk-clone, user-switch,
 * server-restore, db-cut, db-silence).
 * Workstations in their own processes behind misbehaving TCP proxies; server instances SIGKILLed and restarted;
 * clients SIGKILLed mid-write; and the faults hospitals hit beyond the network (hospital-faults.ts): desks
 * restored from older copies of their files or cloned to new desks, users switching on a desk with work
 * pending, the server's database restored from a backup, desks' clocks a day out, the database link cut or
 * silenced, several server instances behind the desks. Then everything heals and the run checks that nothing
 * acknowledged was lost or applied twice, that the audit names the user who made each change, that every replica
 * equals the server, and that stock never went negative. Every fault is logged on stderr with its time.
 * The last line of output is one JSON object; the exit code is non-zero on any failure.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newId } from '../../src/domain/ids';
import { createTestDatabase } from '../fixtures/server';
import { openDb } from '../../src/server/db/open';
import { copyDeskFiles } from './desk-files';
import { Desk, type ChaosUser } from './desks';
import { hospitalFaults, parseFaults, type FaultCounts } from './hospital-faults';
import { makeRandom, type Random } from './prng';
import { runServerCli, WorkerProcess } from './processes';
import { DatabaseLink, ServerFleet } from './server-fleet';
import { pgliteSnapshots, postgresSnapshots } from './server-snapshots';
import { TcpProxy } from './tcp-proxy';
import { canonical, describeFinding, judge, readServerState, replicaDiffers, stockReplayMismatches, type Acked } from './verify';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '60' },
    store: { type: 'string', default: 'pglite' },
    instances: { type: 'string', default: '2' },
    faults: { type: 'string', default: 'all' },
  },
});
const seed = Number(values.seed);
const clientCount = Number(values.clients);
const seconds = Number(values.seconds);
const store = values.store === 'postgres' ? 'postgres' : 'pglite';
// PGlite's files belong to one process at a time: one server instance is all it can have.
const instanceCount = store === 'pglite' ? 1 : Math.max(1, Number(values.instances));
// `network` keeps to the faults of the first harness (proxies, kills); a list picks some (see parseFaults).
const chosen = parseFaults(values.faults);
const random = makeRandom(seed);
// Separate streams, so a fault drawn does not shift the traffic drawn after it more than it must.
const faultRandom = makeRandom(seed * 7_919 + 1);
const routeRandom = makeRandom(seed * 104_729 + 2);
const started = Date.now();
const log = (message: string) => process.stderr.write(`chaos[${seed}] +${((Date.now() - started) / 1000).toFixed(1)}s ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DAY = 24 * 60 * 60 * 1000;

// Two accounts with different roles, both allowed every mutation the run makes.
const USERS: readonly ChaosUser[] = [
  { username: 'chaos', password: 'chaos-password-1', roles: 'admin' },
  { username: 'chaos-b', password: 'chaos-password-2', roles: 'incident_commander' },
];
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
  return { name: 'incident.declare', args: declareArgs(newId(), `Declared ${rnd.int(1, 1000)}`, 'other', 'IV', '') };
}

/** Every field given, defaults included, so the arguments sent are the arguments stored (the run matches on them). */
function declareArgs(id: string, name: string, type: string, level: string, location: string) {
  return { id, name, type, level, location, discoveredAt: 1_790_000_000_000, periodHours: 12 };
}

async function main(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), `hcc-chaos-${seed}-`));
  const serverDir = join(root, 'server');
  const backupRoot = join(root, 'backups');
  mkdirSync(backupRoot, { recursive: true });
  const storage = await prepareStorage();
  // The servers reach PostgreSQL through a proxy the run can cut; the run itself (users, verdict) goes direct.
  const db = storage.databaseUrl ? await DatabaseLink.create(storage.databaseUrl) : null;
  const serverEnv = db ? { ...storage.env, DATABASE_URL: db.url } : storage.env;
  const snapshots = storage.databaseUrl ? postgresSnapshots(storage.databaseUrl, backupRoot) : pgliteSnapshots(serverDir, backupRoot);
  const fleet = await ServerFleet.create(instanceCount, serverDir, serverEnv, snapshots, log);
  const desks: Desk[] = [];
  const acked: Acked[] = [];
  const unacked: string[] = [];
  const counts: FaultCounts = { deskBackups: 0, deskRestores: 0, deskClones: 0, userSwitches: 0 };
  let ops = 0;
  let partitions = 0;
  let clientKills = 0;
  let skewed = 0;
  let relogins = 0;
  let supervisor: { stop: () => void } | null = null;

  /** A desk on its own proxy to a server instance picked at random, its clock set (or not) by the seed. */
  const addDesk = async (dir: string, user: ChaosUser, index = desks.length): Promise<Desk> => {
    const skew = chosen.clockSkew ? faultRandom.pick([0, 0, DAY, -DAY]) : 0;
    if (skew !== 0) skewed++;
    const proxy = new TcpProxy(fleet.pickPort(routeRandom));
    const port = await proxy.listen();
    const worker = new WorkerProcess(dir, skew);
    await worker.start();
    const desk = new Desk(index, dir, worker, proxy, port, user);
    if (skew !== 0) log(`desk ${desk.index}'s clock is ${skew > 0 ? 'a day ahead' : 'a day behind'}`);
    await desk.login(user);
    desks[index] = desk;
    return desk;
  };

  try {
    for (const user of USERS) {
      await runServerCli(
        ['create-user', '--data-dir', serverDir, '--username', user.username, '--password', user.password, '--roles', user.roles, '--spaces', SPACE],
        storage.env,
      );
    }
    await fleet.startAll();
    // Started side by side: a workstation process takes seconds to boot on a loaded machine.
    await Promise.all(Array.from({ length: clientCount }, (_, i) => addDesk(join(root, `client-${i}`), USERS[0] as ChaosUser, i)));

    // Shared records everyone contends for: a few incidents and stock rows.
    const shared: Shared = { incidents: [], stock: [] };
    const first = desks[0];
    if (!first) throw new Error('no clients');
    const record = (desk: Desk, name: string, args: unknown) => {
      ops++;
      return desk.mutate(name, args, acked, unacked);
    };
    for (let i = 0; i < 3; i++) {
      const id = newId();
      shared.incidents.push(id);
      await record(first, 'incident.declare', declareArgs(id, `Shared ${i}`, 'mass_casualty', 'III', 'ED'));
    }
    for (let i = 0; i < 4; i++) {
      const id = newId();
      shared.stock.push(id);
      await record(first, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 40 });
    }
    await converge(desks, 60_000);

    const faults = chosen.kinds.length > 0
      ? hospitalFaults({ kinds: chosen.kinds, random: faultRandom, desks, users: USERS, fleet, db, backupRoot, acked, counts, log, addDesk: (dir, user) => {
          const clone = join(root, `client-${desks.length}`);
          copyDeskFiles(dir, clone);
          return addDesk(clone, user);
        } })
      : null;
    await faults?.prepare();
    const end = Date.now() + seconds * 1000;
    supervisor = fleet.supervise();
    // Caught here and thrown after the traffic loop, so a harness error ends the run cleanly with its stack.
    const fault: { error: Error | null; done: boolean } = { error: null, done: !faults };
    const faultsDone = faults
      ?.run(end, 5_000)
      .catch((error: unknown) => (fault.error = error instanceof Error ? error : new Error(String(error))))
      .finally(() => (fault.done = true));
    let lastServerKill = Date.now();
    let serverKillUnderWay = false;
    let lastKillDownMs = 0;
    const restarts = new Set<Promise<void>>();
    const background = (task: Promise<void>) => {
      const tracked = task.finally(() => restarts.delete(tracked));
      restarts.add(tracked);
    };
    // Re-chosen when the desk's connections are gone: a load balancer sends the reconnect anywhere.
    const reroute = (proxy: TcpProxy) => proxy.retarget(fleet.pickPort(routeRandom));
    // Traffic goes on until the time is up and the hospital faults have all been dealt (see hospitalFaults.run).
    while (Date.now() < end || !fault.done) {
      await sleep(random.int(5, 40));
      const roll = random.next();
      const desk = desks[random.int(0, desks.length - 1)];
      if (!desk) continue;
      const { proxy, worker } = desk;
      if (roll < 0.8) {
        if (!worker.alive || desk.busy) continue;
        const { name, args } = randomMutation(random, shared);
        void record(desk, name, args);
      } else if (desk.loggingIn) {
        continue;
      } else if (roll < 0.86) {
        partitions++;
        proxy.setMode('down');
        setTimeout(() => {
          reroute(proxy);
          proxy.setMode('up');
        }, random.int(300, 3_000));
      } else if (roll < 0.9) {
        proxy.setMode('cut-responses');
        setTimeout(() => proxy.setMode('up'), random.int(100, 1_500));
      } else if (roll < 0.94) {
        proxy.delayMs = random.int(20, 400);
        setTimeout(() => (proxy.delayMs = 0), random.int(500, 3_000));
      } else if (roll < 0.975) {
        if (!worker.alive || !desk.tryTake()) continue;
        // Kill it in the middle of a write: the write may or may not have been acknowledged; only acknowledged ones count.
        const { name, args } = randomMutation(random, shared);
        void record(desk, name, args);
        await sleep(random.int(0, 8));
        worker.kill();
        clientKills++;
        const downMs = random.int(100, 800);
        // In the background: a restart takes seconds on a loaded machine, and the other desks keep working meanwhile.
        background(sleep(downMs).then(() => worker.start()).finally(() => desk.release()));
      } else if (!serverKillUnderWay && Date.now() - lastServerKill > Math.max(Math.min(8_000, (seconds * 1000) / 3), 2 * lastKillDownMs)) {
        // One kill at a time, the gap counted from when the fleet is whole again and at least twice as long as the
        // last kill kept it down: on a loaded machine a restart takes a minute, and kills 8 s apart kept the server
        // away longer than any user at a desk (or its login) would wait.
        serverKillUnderWay = true;
        const killedAt = Date.now();
        background(
          fleet
            .killOne(random.int(0, instanceCount - 1), random.int(200, 1_500))
            .then((port) => {
              for (const d of desks) if (instanceCount > 1 && d.proxy.targetPort === port) reroute(d.proxy);
            })
            .finally(() => {
              serverKillUnderWay = false;
              lastServerKill = Date.now();
              lastKillDownMs = lastServerKill - killedAt;
            }),
        );
      }
    }
    await Promise.all(restarts);
    await faultsDone;
    if (fault.error) throw fault.error;
    await Promise.all(desks.map((d) => d.settle()));
    supervisor.stop();

    // Heal everything and measure how long the replicas take to agree with the server.
    log(`healing after ${ops} operations`);
    for (const { proxy } of desks) {
      proxy.setMode('up');
      proxy.delayMs = 0;
    }
    db?.heal();
    await fleet.startAll();
    for (const { worker } of desks) if (!worker.alive) await worker.start();
    const healStart = Date.now();
    const converged = await converge(desks, 90_000, () => relogins++);
    const convergeMs = Date.now() - healStart;
    if (!converged) {
      log('replicas did not converge in time; their sync status:');
      for (const desk of desks) {
        const answer = await desk.worker.request({ type: 'status' });
        if (answer.type === 'status') {
          const { connection, pending, lastError, needsLogin, updateRequired } = answer.status;
          log(`  desk ${desk.index} ${desk.worker.clientId}: ${JSON.stringify({ connection, pending, lastError, needsLogin, updateRequired })}`);
        }
      }
    }

    // Changes a desk holds as stuck never go (the product's answer to a change no push can carry): counted apart.
    let held = 0;
    for (const desk of desks) {
      const answer = await desk.worker.request({ type: 'status' });
      if (answer.type !== 'status' || answer.status.stuck === 0) continue;
      held += answer.status.stuck;
      log(`desk ${desk.index} ${desk.worker.clientId} holds ${answer.status.stuck} stuck changes`);
    }

    // Read the replicas, then the server's own database, and compare.
    const dumps = [];
    for (const { worker } of desks) {
      const dump = await worker.request({ type: 'dump' });
      dumps.push(dump.type === 'dump' ? dump : null);
      await worker.stop();
    }
    const crashes = fleet.crashes;
    await fleet.stopAll();
    const opened = await openDb({ databaseUrl: storage.databaseUrl, dataDir: storage.databaseUrl ? undefined : serverDir });
    const state = await readServerState(opened);
    const { mismatches, negatives } = await stockReplayMismatches(opened);
    // Logins plus renewals: a desk whose clock is ahead must not renew its token on every round.
    const [sessions] = await opened.query<{ n: number }>('SELECT count(*)::int AS n FROM session');
    await opened.close();

    const verdict = judge(acked, unacked, state.audit);
    for (const finding of verdict.findings) log(describeFinding(finding));
    const unexplained = state.audit.filter((a) => a.result === 'rejected' && !a.code).length;
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
      applied: state.audit.filter((a) => a.result === 'applied').length,
      rejected: state.audit.filter((a) => a.result === 'rejected').length,
      lost: verdict.lost,
      duplicated: verdict.duplicated + mismatches,
      diverged_replicas: diverged,
      invariant_violations: negatives + replicaNegatives + unexplained,
      misattributed: verdict.misattributed,
      held_changes: held,
      partitions,
      server_kills: fleet.kills,
      client_kills: clientKills,
      desk_restores: counts.deskRestores,
      desk_clones: counts.deskClones,
      user_switches: counts.userSwitches,
      server_restores: fleet.restores,
      server_instances: instanceCount,
      ...(store === 'pglite' ? { server_instances_note: 'PGlite: one server process per data folder' } : {}),
      db_cuts: (db?.cuts ?? 0) + (db?.silences ?? 0),
      db_silences: db?.silences ?? 0,
      skewed_desks: skewed,
      desk_backups: counts.deskBackups,
      server_backups: fleet.snapshotsTaken,
      forgotten_by_desk_restore: verdict.forgottenByRestore,
      server_crashes: crashes,
      relogins,
      sessions_issued: sessions?.n ?? 0,
      converged,
      converge_ms: convergeMs,
    };
    console.log(JSON.stringify(result));
    const failures = result.lost + result.duplicated + diverged + result.invariant_violations + result.misattributed + crashes;
    return failures === 0 && converged ? 0 : 1;
  } finally {
    supervisor?.stop();
    for (const { worker } of desks) worker.kill();
    await fleet.stopAll();
    for (const { proxy } of desks) await proxy.close();
    await db?.proxy.close();
    // CHAOS_KEEP=1 leaves the desks' files and the server's database for a post-mortem of a failed run.
    if (process.env['CHAOS_KEEP'] === '1') {
      console.error(`chaos: kept ${root}`);
    } else {
      await storage.drop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    }
  }
}

/**
 * Nudges every workstation to sync until all outboxes are empty and all replicas hold the same rows in two
 * rounds running (a single equal round could still be one pull behind the server).
 */
async function converge(desks: readonly Desk[], timeoutMs: number, onRelogin: () => void = () => undefined): Promise<boolean> {
  const workers = desks.map((d) => d.worker);
  const deadline = Date.now() + timeoutMs;
  let previous: string | null = null;
  while (Date.now() < deadline) {
    await Promise.all(workers.map((w) => w.request({ type: 'syncNow' })));
    await sleep(200);
    const statuses = await Promise.all(workers.map((w) => w.request({ type: 'status' })));
    // A desk whose session the server no longer knows (restored from a backup older than the login) asks its user
    // to log in again; the user at the desk does.
    for (const [i, s] of statuses.entries()) {
      const desk = desks[i];
      if (desk && s.type === 'status' && s.status.needsLogin) {
        onRelogin();
        log(`desk ${desk.index} asks for a new login; ${desk.user.username} logs in again`);
        await desk.login(desk.user).catch((error: unknown) => log(`login failed: ${String(error)}`));
      }
    }
    // A user who left a desk to a colleague with work pending finds it waiting for them there (the product never
    // sends it under the colleague's name); in the end they come back to that desk and log in, and it goes.
    for (const [i, s] of statuses.entries()) {
      const desk = desks[i];
      const waiting = s.type === 'status' && !s.status.needsLogin ? s.status.waiting[0] : undefined;
      const owner = waiting && USERS.find((u) => u.username === waiting.displayName);
      if (desk && waiting && owner) {
        log(`desk ${desk.index}: ${owner.username} comes back to send ${waiting.count} changes left waiting`);
        await desk.logout();
        await desk.login(owner).catch((error: unknown) => log(`login failed: ${String(error)}`));
        await sendOwn(desk, deadline);
      }
    }
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

/** Syncs a desk until the logged-in user's own work is sent (others' may still wait), or the deadline. */
async function sendOwn(desk: Desk, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    await desk.worker.request({ type: 'syncNow' });
    const s = await desk.worker.request({ type: 'status' });
    if (s.type !== 'status') return;
    const others = s.status.waiting.reduce((n, w) => n + w.count, 0);
    if (s.status.pending - others === 0) return;
    await sleep(200);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
