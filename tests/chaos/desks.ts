import { copyDeskFiles, outboxKeys } from './desk-files';
import { WorkerProcess } from './processes';
import { TcpProxy } from './tcp-proxy';
import { mutationKey, type Acked } from './verify';
import type { FromWorker } from './worker-protocol';

export type ChaosUser = { username: string; password: string; roles: string };

/**
 * One desk of the run: a workstation process, the proxy it reaches the server through, who is logged in on it,
 * and what it has acknowledged. While the desk is busy (a fault holds it: a restore, a clone, a change of user;
 * or a kill is restarting its process) the random traffic and the other faults keep off it: a restore that
 * met a kill's restart ran two processes on one file, and a mutation sent half-way through a change of user was
 * booked to the wrong user (the run's `misattributed`, not the product's).
 */
export class Desk {
  user: ChaosUser;
  /** Another user is logged in while the home user's work may still be pending. */
  switched = false;
  readonly backups: { dir: string; takenAt: number; user: ChaosUser }[] = [];
  private readonly inflight = new Set<Promise<unknown>>();
  private taken = false;
  /**
   * A login in progress (a user switch, or a session that expired). The traffic loop spares it the network faults:
   * seed 310 on PGlite, on a machine at load 25, saw one login fail on every try for five minutes although the
   * server was up; most likely each slow login (argon2 under that load) was cut by a partition or a cut response.
   */
  loggingIn = false;
  private readonly waiters: (() => void)[] = [];

  constructor(
    readonly index: number,
    readonly dir: string,
    readonly worker: WorkerProcess,
    readonly proxy: TcpProxy,
    readonly proxyPort: number,
    readonly home: ChaosUser,
  ) {
    this.user = home;
  }

  get busy(): boolean {
    return this.taken;
  }

  /** Marks the desk busy if it is free (a kill does, then restarts the process and calls `release`). */
  tryTake(): boolean {
    if (this.taken) return false;
    this.taken = true;
    return true;
  }

  release(): void {
    this.taken = false;
    // One waiter at a time: it takes the desk, or goes back in line if traffic or a kill got there first.
    this.waiters.shift()?.();
  }

  /**
   * Waits until the desk is not busy, then keeps it busy while `fn` runs (after the mutations already sent to
   * it are answered), so a fault on the desk never overlaps a kill, another fault or the desk's own traffic.
   */
  async hold<T>(fn: () => Promise<T>): Promise<T> {
    while (!this.tryTake()) await new Promise<void>((resolve) => this.waiters.push(resolve));
    try {
      await this.settle();
      return await fn();
    } finally {
      this.release();
    }
  }

  get serverUrl(): string {
    return `http://127.0.0.1:${this.proxyPort}`;
  }

  /**
   * Logs in as a user at the desk would: again and again while the server cannot be reached. Five minutes: a
   * server restore with a kill queued behind it keeps the server away for minutes on a loaded machine.
   */
  async login(user: ChaosUser, timeoutMs = 300_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    this.loggingIn = true;
    try {
      for (;;) {
        const answer = await this.worker.request({ type: 'login', serverUrl: this.serverUrl, username: user.username, password: user.password });
        if (answer.type === 'done') break;
        const retry = answer.type === 'refused' && answer.code !== 'unauthorized' && Date.now() < deadline;
        if (!retry) throw new Error(`desk ${this.index} could not log in as ${user.username}: ${JSON.stringify(answer)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      this.loggingIn = false;
    }
    this.user = user;
  }

  async logout(): Promise<void> {
    await this.worker.request({ type: 'logout' });
  }

  /** Sends a mutation; an acknowledged one is recorded with the user logged in as it was sent. */
  mutate(name: string, args: unknown, acked: Acked[], unacked: string[]): Promise<FromWorker> {
    const author = this.user.username;
    const p = this.worker.request({ type: 'mutate', name, args }).then((answer) => {
      if (answer.type === 'acked') {
        const stored = answer.args ?? args;
        acked.push({
          key: mutationKey(name, stored, answer.at), nameArgs: mutationKey(name, stored, null), author, forgotten: false,
          desk: this.index, clientId: this.worker.clientId, localId: answer.mutationId,
        });
      } else {
        unacked.push(mutationKey(name, args, null));
      }
      return answer;
    });
    const tracked = p.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
    return p;
  }

  /** Waits for the mutations already sent to this desk to be answered. */
  async settle(): Promise<void> {
    await Promise.all([...this.inflight]);
  }

  /** Stops the desk politely, copies its files as a backup tool (or a disk imager) would, starts it again. */
  async copyTo(into: string): Promise<void> {
    await this.settle();
    await this.worker.stop();
    copyDeskFiles(this.dir, into);
    await this.worker.start();
  }

  async backup(into: string): Promise<void> {
    await this.copyTo(into);
    this.backups.push({ dir: into, takenAt: Date.now(), user: this.user });
  }

  /**
   * Stops the desk, puts back the newest backup taken at or after `notBefore`, starts it. Returns the keys of the
   * mutations the restore took back before they left the desk (in its outbox now, not in the backup's), or null
   * when there is no such backup.
   */
  async restore(notBefore: number): Promise<{ forgotten: string[]; age: number } | null> {
    const backup = this.backups.filter((b) => b.takenAt >= notBefore).at(-1);
    if (!backup) return null;
    await this.settle();
    await this.worker.stop();
    const before = outboxKeys(this.dir);
    copyDeskFiles(backup.dir, this.dir);
    const kept = outboxKeys(this.dir);
    for (const key of kept) {
      const at = before.indexOf(key);
      if (at >= 0) before.splice(at, 1);
    }
    this.user = backup.user;
    await this.worker.start();
    return { forgotten: before, age: Date.now() - backup.takenAt };
  }
}
