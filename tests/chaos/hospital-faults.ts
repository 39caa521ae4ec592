import { join } from 'node:path';
import type { ChaosUser, Desk } from './desks';
import type { Random } from './prng';
import type { DatabaseLink, ServerFleet } from './server-fleet';
import type { Acked } from './verify';

/**
 * The faults hospitals really hit beyond a flaky network, drawn by the seed from a shuffled deck so that a run
 * long enough meets each of them: a desk restored from an older copy of its files, a desk's files cloned to a
 * new desk (an imaged PC), another user logging in on a desk with work pending, the server's database restored
 * from an earlier backup, and the database link cut or silenced. They run one at a time, beside the random
 * traffic and the network faults of run.ts.
 */
export const HOSPITAL_FAULTS = ['desk-restore', 'desk-clone', 'user-switch', 'server-restore', 'db-cut', 'db-silence'] as const;
export type HospitalFault = (typeof HOSPITAL_FAULTS)[number];

/** `--faults`: `all`, `network` (none of these), or a comma-separated list of them and `clock-skew`. */
export function parseFaults(text: string): { kinds: HospitalFault[]; clockSkew: boolean } {
  if (text === 'all') return { kinds: [...HOSPITAL_FAULTS], clockSkew: true };
  if (text === 'network') return { kinds: [], clockSkew: false };
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => n !== 'clock-skew' && !HOSPITAL_FAULTS.includes(n as HospitalFault));
  if (unknown.length > 0) throw new Error(`--faults: unknown ${unknown.join(', ')} (all, network, clock-skew, ${HOSPITAL_FAULTS.join(', ')})`);
  return { kinds: HOSPITAL_FAULTS.filter((k) => names.includes(k)), clockSkew: names.includes('clock-skew') };
}

export type FaultCounts = {
  deskBackups: number;
  deskRestores: number;
  deskClones: number;
  userSwitches: number;
};

export type FaultContext = {
  /** The faults to draw from; the database ones are left out where there is no database link. */
  kinds: readonly HospitalFault[];
  random: Random;
  desks: Desk[];
  users: readonly ChaosUser[];
  fleet: ServerFleet;
  /** Null on PGlite: it runs inside the server process, there is no link to cut. */
  db: DatabaseLink | null;
  backupRoot: string;
  acked: Acked[];
  counts: FaultCounts;
  log: (message: string) => void;
  /** Makes a new desk from a copy of another's files, logged in as `user`. */
  addDesk: (fromDir: string, user: ChaosUser) => Promise<Desk>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function hospitalFaults(ctx: FaultContext): { prepare: () => Promise<void>; run: (until: number, tailMs: number) => Promise<void> } {
  const { random, desks, fleet, db, counts, log } = ctx;
  const kinds = ctx.kinds.filter((k) => db || (k !== 'db-cut' && k !== 'db-silence'));
  // A mutation rolled back on its desk and also lost by the server is gone from everywhere: no product can bring
  // it back, so a restore only ever goes back to a copy taken after the last restore of the other kind.
  let lastDeskRestore = 0;
  let lastServerRestore = 0;
  const background = new Set<Promise<void>>();

  const idleDesk = (): Desk | undefined => {
    const free = desks.filter((d) => !d.busy && !d.switched && d.worker.alive);
    return free.length > 0 ? random.pick(free) : undefined;
  };

  const backupDesk = async (desk: Desk) => {
    counts.deskBackups++;
    const dir = join(ctx.backupRoot, `desk-${desk.index}-${desk.backups.length}`);
    await desk.hold(() => desk.backup(dir));
    log(`desk ${desk.index} stopped and backed up`);
  };

  /** Returns false when the fault needs something first (a backup); it has then been taken, and the fault waits. */
  const act = async (kind: HospitalFault): Promise<boolean> => {
    switch (kind) {
      case 'desk-restore': {
        const desk = idleDesk();
        if (!desk) return true;
        const stopped = Date.now();
        const restored = await desk.hold(() => desk.restore(lastServerRestore));
        if (!restored) {
          await backupDesk(desk);
          return false;
        }
        lastDeskRestore = stopped;
        counts.deskRestores++;
        for (const key of restored.forgotten) {
          const entry = ctx.acked.find((a) => a.key === key && !a.forgotten);
          if (entry) entry.forgotten = true;
        }
        log(`desk ${desk.index} restored from a copy ${restored.age} ms old (${restored.forgotten.length} unsent mutations rolled back with it)`);
        return true;
      }
      case 'desk-clone': {
        const desk = idleDesk();
        if (!desk) return true;
        const dir = join(ctx.backupRoot, `clone-${desks.length}`);
        await desk.hold(() => desk.copyTo(dir));
        const clone = await ctx.addDesk(dir, desk.user);
        counts.deskClones++;
        log(`desk ${desk.index}'s files cloned to a new desk ${clone.index}`);
        return true;
      }
      case 'user-switch': {
        const desk = idleDesk();
        if (!desk) return true;
        const other = random.pick(ctx.users.filter((u) => u !== desk.home));
        await desk.hold(async () => {
          await desk.logout();
          await desk.login(other);
          desk.switched = true;
        });
        counts.userSwitches++;
        log(`desk ${desk.index}: ${desk.home.username} logged out with work pending, ${other.username} logged in`);
        const back = sleep(random.int(1_000, 4_000)).then(() =>
          desk.hold(async () => {
            await desk.logout();
            await desk.login(desk.home);
            desk.switched = false;
            log(`desk ${desk.index}: ${desk.home.username} logged back in`);
          }),
        );
        const tracked = back.finally(() => background.delete(tracked));
        background.add(tracked);
        return true;
      }
      case 'server-restore': {
        const stopped = Date.now();
        if (!(await fleet.restore(lastDeskRestore))) {
          await fleet.snapshot();
          return false;
        }
        lastServerRestore = stopped;
        return true;
      }
      case 'db-cut': {
        const ms = random.int(1_000, 4_000);
        log(`database link cut for ${ms} ms`);
        await db?.cut(ms);
        return true;
      }
      case 'db-silence': {
        const ms = random.int(1_000, 4_000);
        log(`database link silent for ${ms} ms`);
        await db?.silence(ms);
        return true;
      }
    }
  };

  return {
    /** The first backups, taken before the clock starts, so the restores drawn early have something to go back to. */
    async prepare() {
      if (kinds.includes('server-restore')) await fleet.snapshot();
      if (kinds.includes('desk-restore')) await Promise.all(desks.map(backupDesk));
    },
    /**
     * Deals faults until `until` and at least one whole deck, so a slow machine (where one restore takes a
     * minute) still meets every fault the seed chose; then leaves `tailMs` of traffic for their effects to show.
     */
    async run(until, tailMs) {
      let deck: HospitalFault[] = shuffle(random, [...kinds]);
      let dealt = 0;
      while (kinds.length > 0 && (Date.now() < until || deck.length > 0) && dealt < 10 * kinds.length) {
        await sleep(random.int(300, 1_500));
        if (deck.length === 0) {
          if (Date.now() >= until) break;
          deck = shuffle(random, [...kinds]);
        }
        const kind = deck.shift();
        dealt++;
        // A fault that had to take its backup first comes round again later in this deck.
        if (kind && !(await act(kind))) deck.push(kind);
      }
      await Promise.all([...background]);
      await sleep(tailMs);
    },
  };
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
