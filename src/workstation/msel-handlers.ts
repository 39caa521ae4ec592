import type { FeatureHandlers } from '../contract/dispatch';
import type { mselApi } from '../contract/msel-api';
import { controlsExercise, participantRole, type Exercise } from '../domain/exercises/exercise';
import { addressedTo } from '../domain/exercises/injects';
import { scenarioView, seesScenario } from '../domain/exercises/scenario-visibility';
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

    // Filtered again under whoever is logged in now: a shared desk may hold the MSEL a controller pulled earlier.
    'msel.get': () =>
      queue.run(() => {
        const space = currentSpace(store);
        const exercise = spaceExercise(store, space);
        const exercises = new Map(exercise ? [[exercise.id, exercise]] : []);
        const actor = ws.actor();
        const injects = exercise
          ? store.list('inject', space.id).filter((i) => i.exerciseId === exercise.id).flatMap((i) => scenarioView('inject', i, exercises, actor) ?? []).sort((a, b) => a.number - b.number)
          : [];
        return { space, exercise, injects, seesScenario: seesScenario(exercise ?? undefined, actor) };
      }),

    'evaluation.get': () =>
      queue.run(() => {
        const space = currentSpace(store);
        const exercise = spaceExercise(store, space);
        const actor = ws.actor();
        if (!exercise) return { exercise: null, role: null, seesScenario: false, injects: [], notes: [], ratings: [], hotwash: [] };
        const of = <T extends { exerciseId: string }>(rows: T[]) => rows.filter((r) => r.exerciseId === exercise.id);
        const sees = seesScenario(exercise, actor);
        const byTime = <T extends { at: number }>(a: T, b: T) => a.at - b.at;
        return {
          exercise,
          role: participantRole(exercise, actor.userId) ?? null,
          seesScenario: sees,
          injects: sees ? of(store.list('inject', space.id)).sort((a, b) => a.number - b.number) : [],
          notes: sees ? of(store.list('evaluatorNote', space.id)).sort(byTime) : [],
          ratings: sees ? of(store.list('objectiveRating', space.id)).sort(byTime) : [],
          hotwash: of(store.list('hotwashNote', space.id)).sort(byTime),
        };
      }),
  };
}
