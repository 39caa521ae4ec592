import type { FeatureHandlers } from '../contract/dispatch';
import type { mselApi } from '../contract/msel-api';
import { controlsExercise, participantRole, type Exercise } from '../domain/exercises/exercise';
import { addressedTo } from '../domain/exercises/injects';
import { isExercise, type Space } from '../domain/spaces';
import type { LocalStore } from './local-store';
import { currentSpace } from './space-store';
import type { WorkstationInternals } from './workstation';

/** The current space's exercise; a hospital's space holds none, whatever records a desk was sent. */
function spaceExercise(store: LocalStore, space: Space): Exercise | null {
  if (!isExercise(space)) return null;
  return store.list('exercise', space.id).sort((a, b) => (a.id < b.id ? -1 : 1))[0] ?? null;
}

/** The MSEL editor's and the controller console's read, and the players' inbox. */
export function createMselHandlers(ws: WorkstationInternals): FeatureHandlers<typeof mselApi> {
  const { store, queue } = ws;
  return {
    'exercise.inbox': () =>
      queue.run(() => {
        const space = currentSpace(store);
        const exercise = spaceExercise(store, space);
        if (!exercise) return { exercise: null, role: null, controls: false, position: null, injects: [] };
        const actor = ws.actor();
        const userId = actor.userId;
        const position = exercise.participants.find((p) => p.userId === userId)?.position ?? null;
        const injects = store
          .list('inject', space.id)
          .filter((i) => i.exerciseId === exercise.id && i.status === 'delivered' && addressedTo(i.to, position ?? undefined))
          .sort((a, b) => (b.deliveredAt ?? 0) - (a.deliveredAt ?? 0) || b.number - a.number);
        const role = participantRole(exercise, userId) ?? null;
        return { exercise, role, controls: controlsExercise(exercise, actor), position, injects };
      }),

    'msel.get': () =>
      queue.run(() => {
        const space = currentSpace(store);
        const exercise = spaceExercise(store, space);
        const injects = exercise ? store.list('inject', space.id).filter((i) => i.exerciseId === exercise.id).sort((a, b) => a.number - b.number) : [];
        return { space, exercise, injects };
      }),
  };
}
