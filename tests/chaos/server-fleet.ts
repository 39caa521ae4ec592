import { freePort, ServerProcess } from './processes';
import type { Random } from './prng';
import type { ServerSnapshots } from './server-snapshots';
import { TcpProxy } from './tcp-proxy';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The hospital server as the desks see it: N instances on one database (PostgreSQL; PGlite allows one process
 * per data folder), optionally behind a TCP proxy to PostgreSQL that can cut or silence the database link, and
 * the backups taken of that database. Whole-fleet operations (kill, snapshot, restore) take turns through one
 * lock, and an instance that exits on its own is counted as a crash and started again, as a service manager would.
 */
export class ServerFleet {
  readonly instances: ServerProcess[] = [];
  kills = 0;
  restores = 0;
  snapshotsTaken = 0;
  /** Snapshot name and when it was taken, oldest first. */
  private readonly snapshots: { name: string; takenAt: number }[] = [];
  private busy: Promise<void> = Promise.resolve();
  private supervising = false;

  private constructor(
    private readonly backups: ServerSnapshots,
    private readonly log: (message: string) => void,
  ) {}

  static async create(count: number, dataDir: string, env: NodeJS.ProcessEnv, backups: ServerSnapshots, log: (m: string) => void): Promise<ServerFleet> {
    const fleet = new ServerFleet(backups, log);
    for (let i = 0; i < count; i++) fleet.instances.push(new ServerProcess(await freePort(), dataDir, env));
    return fleet;
  }

  get crashes(): number {
    return this.instances.reduce((n, s) => n + s.crashes, 0);
  }

  pickPort(random: Random): number {
    return random.pick(this.instances).port;
  }

  /** Runs whole-fleet operations one at a time (a restore must not meet a kill half-way). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.busy.then(fn);
    this.busy = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  startAll(): Promise<void> {
    return Promise.all(this.instances.map((s) => s.start())).then(() => undefined);
  }

  stopAll(): Promise<void> {
    return Promise.all(this.instances.map((s) => s.stop())).then(() => undefined);
  }

  /** SIGKILLs instance `index` and starts it again after `downMs`; returns the port it served. */
  killOne(index: number, downMs: number): Promise<number> {
    return this.exclusive(async () => {
      const victim = this.instances[index % this.instances.length];
      if (!victim) throw new Error('no server instance to kill');
      this.log(`server on :${victim.port} SIGKILLed for ${downMs} ms`);
      victim.kill();
      this.kills++;
      await sleep(downMs);
      await this.startAgain(victim);
      return victim.port;
    });
  }

  /**
   * Starts an instance as a service manager would: one started while the database link is cut exits with "the
   * database is unavailable", and is started again a second later until the link is back.
   */
  private async startAgain(instance: ServerProcess): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await instance.start();
        return;
      } catch (error) {
        if (attempt >= 30) throw error;
        this.log(`server on :${instance.port} did not start (${String(error)}); again in 1 s`);
        await sleep(1_000);
      }
    }
  }

  /** A backup as the hospital takes it: pg_dump of the live database, or a copy of a stopped PGlite's folder. */
  snapshot(): Promise<void> {
    return this.exclusive(async () => {
      const name = `snapshot-${this.snapshots.length}`;
      if (this.backups.needsStop) await this.stopAll();
      try {
        await this.backups.take(name);
      } finally {
        if (this.backups.needsStop) await this.startAll();
      }
      this.snapshots.push({ name, takenAt: Date.now() });
      this.snapshotsTaken++;
      this.log(`server database backed up (${name})`);
    });
  }

  /**
   * Puts the database back to the newest snapshot taken at or after `notBefore`, if any. Returns whether it did.
   * (The run passes the time of the last desk restore: a mutation both rolled back on its desk and lost by the
   * server would be gone from everywhere, which no product can bring back.)
   */
  restore(notBefore: number): Promise<boolean> {
    return this.exclusive(async () => {
      const snapshot = this.snapshots.filter((s) => s.takenAt >= notBefore).at(-1);
      if (!snapshot) return false;
      this.log(`server stopped and its database restored from ${snapshot.name} (${Date.now() - snapshot.takenAt} ms old)`);
      await this.stopAll();
      await this.backups.restore(snapshot.name);
      await this.startAll();
      this.restores++;
      return true;
    });
  }

  /** Restarts instances that exited on their own, until `stop`. */
  supervise(): { stop: () => void } {
    this.supervising = true;
    const loop = async () => {
      while (this.supervising) {
        await sleep(250);
        if (!this.supervising) break;
        await this.exclusive(async () => {
          for (const instance of this.instances) {
            if (instance.running) continue;
            this.log(`server on :${instance.port} crashed; starting it again`);
            await this.startAgain(instance).catch((error: unknown) => this.log(`restart failed: ${String(error)}`));
          }
        });
      }
    };
    void loop();
    return { stop: () => (this.supervising = false) };
  }
}

/** The link between the server instances and PostgreSQL, which the run cuts or silences. */
export class DatabaseLink {
  cuts = 0;
  silences = 0;
  private constructor(
    readonly proxy: TcpProxy,
    readonly url: string,
  ) {}

  /** A proxy in front of the PostgreSQL at `databaseUrl`; `url` is the same database reached through it. */
  static async create(databaseUrl: string): Promise<DatabaseLink> {
    const target = new URL(databaseUrl);
    const proxy = new TcpProxy(Number(target.port || '5432'));
    const port = await proxy.listen();
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    return new DatabaseLink(proxy, url.toString());
  }

  /** Every connection cut and new ones refused for `ms` (a switch reboots, a firewall drops the flows). */
  async cut(ms: number): Promise<void> {
    this.cuts++;
    this.proxy.setMode('down');
    await sleep(ms);
    this.proxy.setMode('up');
  }

  /** Every connection goes silent for `ms` with nobody told (a lost NAT entry, a failover): see TcpProxy.blackhole. */
  async silence(ms: number): Promise<void> {
    this.silences++;
    await this.proxy.blackhole(ms);
  }

  heal(): void {
    this.proxy.setMode('up');
  }
}
