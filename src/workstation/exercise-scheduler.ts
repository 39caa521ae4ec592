import { DomainError } from '../domain/errors';
import type { EntityKind } from '../domain/entities';
import { controlsExercise } from '../domain/exercises/exercise';
import { dueInjects, msUntilNextDue } from '../domain/exercises/injects';
import { isExercise } from '../domain/spaces';
import { changedEvent } from './events';
import { currentSpace } from './space-store';
import type { WorkstationInternals } from './workstation';

/**
 * Longest sleep between looks at the clock: a desk whose clock is set, or a machine that slept, finds a due inject
 * within this long even if no change woke it.
 */
const MAX_SLEEP_MS = 15_000;
/** An inject chained on itself at 0 minutes cannot exist (no cycles), so a chain of deliveries ends within the MSEL. */
const MAX_ROUNDS = 500;

export type ExerciseScheduler = {
  /** Delivers what is due now on this desk's clock; the number delivered. Runs by itself on changes and on a timer. */
  check(): Promise<number>;
  stop(): void;
};

/**
 * Delivery on schedule from a controller's desk. Every controller desk in the exercise space sends
 * `inject.deliverDue` for what falls due on its clock; the mutator delivers only a pending inject that is due on the
 * server's record and does nothing otherwise, so two desks (or one back from offline) deliver it once. A desk that
 * is offline keeps delivering to its own view and reconciles when it is back. Players' desks never deliver: they
 * would have to read the MSEL ahead of play.
 */
export function startExerciseScheduler(ws: WorkstationInternals): ExerciseScheduler {
  const { store, queue, events } = ws;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<number> | undefined;
  let again = false;

  const sleep = (ms: number | undefined) => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (stopped || ms === undefined) return;
    timer = setTimeout(() => void check(), Math.min(MAX_SLEEP_MS, ms + 1));
    timer.unref();
  };

  const deliverDue = () =>
    queue.run(async () => {
      const space = currentSpace(store);
      if (!isExercise(space)) return { delivered: 0, next: undefined };
      const actor = ws.actor();
      const touched = new Set<EntityKind>();
      const touchedIds = new Set<string>();
      let delivered = 0;
      let next: number | undefined;
      for (const exercise of store.list('exercise', space.id)) {
        if (!controlsExercise(exercise, actor)) continue;
        for (let round = 0; round < MAX_ROUNDS; round += 1) {
          const injects = store.list('inject', space.id).filter((i) => i.exerciseId === exercise.id);
          const due = dueInjects(exercise, injects, ws.now());
          if (due.length === 0) {
            const wait = msUntilNextDue(exercise, injects, ws.now());
            if (wait !== undefined) next = next === undefined ? wait : Math.min(next, wait);
            break;
          }
          let progressed = false;
          for (const inject of due) {
            try {
              const result = await store.applyLocal('inject.deliverDue', { id: inject.id }, { at: ws.now(), actor, space: space.id });
              for (const kind of result.touched) touched.add(kind);
              for (const id of result.touchedIds) touchedIds.add(id);
              if (result.touched.size > 0) {
                delivered += 1;
                progressed = true;
              }
            } catch (error) {
              // Not this desk's to deliver after all (its user lost the role): the others' desks will.
              if (!(error instanceof DomainError)) throw error;
            }
          }
          if (!progressed) break;
        }
      }
      if (touched.size > 0) {
        events.emit(changedEvent(touched, touchedIds));
        events.emit({ type: 'sync', status: ws.sync.status() });
        ws.sync.requestSync();
      }
      return { delivered, next };
    });

  const check = async (): Promise<number> => {
    if (stopped) return 0;
    if (running) {
      again = true;
      return running;
    }
    running = deliverDue()
      .then(
        ({ delivered, next }) => {
          sleep(next);
          return delivered;
        },
        () => {
          // A store closing under it, or a fault of the moment: look again later rather than stop delivering.
          sleep(MAX_SLEEP_MS);
          return 0;
        },
      )
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void check();
        }
      });
    return running;
  };

  const unsubscribe = events.subscribe((event) => {
    if ((event.type === 'changed' && event.kinds.some((kind) => kind === 'exercise' || kind === 'inject')) || event.type === 'settings') void check();
  });
  void check();

  return {
    check,
    stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
