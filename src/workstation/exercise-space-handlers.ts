import type { FeatureHandlers } from '../contract/dispatch';
import { ApiFailure } from '../contract/errors';
import { ExerciseSpaceCreatedSchema, type exerciseSpacesApi } from '../contract/exercise-spaces';
import { DomainError } from '../domain/errors';
import { readSettings } from './settings-store';
import { enterSpace } from './space-store';
import { asApiFailure, postJson } from './sync-http';
import type { WorkstationInternals } from './workstation';

/** Exercise spaces from the desk: set one up on the server, and move the desk between the user's spaces. */
export function createExerciseSpaceHandlers(ws: WorkstationInternals): FeatureHandlers<typeof exerciseSpacesApi> {
  const { store, queue, events } = ws;
  return {
    'exercise.setUp': async (setUp) => {
      // Only the server may make a space: a desk offline cannot set one up, and says so rather than pretend.
      const access = ws.sync.serverAccess();
      if (!access) throw new ApiFailure({ code: 'unauthorized', message: 'log in to the hospital server first: it makes exercise spaces' });
      const source = await queue.run(() => readSettings(store).space);
      const created = await postJson(access.serverUrl, `/api/spaces/${encodeURIComponent(source)}/exercises`, setUp, ExerciseSpaceCreatedSchema, access.token).catch(asApiFailure);
      await ws.sync.grantSpace(created.space);
      return created;
    },

    'space.enter': ({ space }) =>
      queue.run(() => {
        // Only a space the user has: its records are on this desk and its changes will be accepted.
        if (!ws.sync.status().spaces.some((mine) => mine.id === space)) {
          throw new DomainError('forbidden', `space ${space} is not one of this user's spaces`, { space });
        }
        if (readSettings(store).space !== space) enterSpace(store, events, space);
        const status = ws.sync.status();
        events.emit({ type: 'sync', status });
        return status;
      }),
  };
}
