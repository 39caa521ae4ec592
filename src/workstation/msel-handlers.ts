import type { FeatureHandlers } from '../contract/dispatch';
import type { mselApi } from '../contract/msel-api';
import { isExercise } from '../domain/spaces';
import { currentSpace } from './space-store';
import type { WorkstationInternals } from './workstation';

/** The MSEL editor's read: the current space's exercise and its injects, by number. */
export function createMselHandlers(ws: WorkstationInternals): FeatureHandlers<typeof mselApi> {
  const { store, queue } = ws;
  return {
    'msel.get': () =>
      queue.run(() => {
        const space = currentSpace(store);
        // A hospital's space holds no MSEL, whatever records a desk was sent: drill scripts live in drills only.
        const exercise = isExercise(space) ? (store.list('exercise', space.id).sort((a, b) => (a.id < b.id ? -1 : 1))[0] ?? null) : null;
        const injects = exercise ? store.list('inject', space.id).filter((i) => i.exerciseId === exercise.id).sort((a, b) => a.number - b.number) : [];
        return { space, exercise, injects };
      }),
  };
}
