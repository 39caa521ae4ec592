import type { FeatureHandlers } from '../contract/dispatch';
import type { ReplayPreview, replayApi } from '../contract/replay-api';
import { mayIdentify } from '../domain/casualties';
import { DomainError } from '../domain/errors';
import type { Exercise } from '../domain/exercises/exercise';
import { closedAt, replayIncident, type ReplayLanguage, type ReplayPlan } from '../domain/exercises/incident-replay';
import { MSEL_MAX_INJECTS } from '../domain/exercises/msel-mutators';
import { newId } from '../domain/ids';
import { positionsWhoMay, whoMayParam, can } from '../domain/roles';
import { isExercise } from '../domain/spaces';
import { changedEvent } from './events';
import { currentSpace } from './space-store';
import type { WorkstationInternals } from './workstation';

/** How many of the drafted injects the preview shows: enough to judge the texts, not the whole MSEL. */
const PREVIEW_ROWS = 5;

type Request = { space: string; incidentId: string; language: ReplayLanguage };

/**
 * Replays a closed incident of a real space into the current exercise's MSEL. The desk reads the source (it
 * holds every space the user was granted) and writes only drafts into the exercise: nothing refers back to the
 * real space, and the server checks the append as any MSEL edit.
 */
export function createReplayHandlers(ws: WorkstationInternals): FeatureHandlers<typeof replayApi> {
  const { store, queue, events } = ws;

  /** The user's hospital spaces: an exercise's own timeline is a drill, not history to replay. */
  const realSpaces = () => ws.sync.status().spaces.filter((space) => !isExercise(space));

  /** The current space's exercise, if the user may write its MSEL and it is still a draft: the same rules `inject.append` applies. */
  const targetExercise = (): Exercise => {
    const space = currentSpace(store);
    if (!isExercise(space)) throw new DomainError('not_exercise_space', `${space.id} is not an exercise space: enter the exercise whose MSEL the incident is replayed into`, { space: space.id });
    const exercise = store.list('exercise', space.id).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    if (!exercise) throw new DomainError('not_found', `exercise space ${space.id} holds no exercise yet`, { id: space.id });
    if (!can(ws.actor(), 'exercise.control')) {
      const roles = positionsWhoMay('exercise.control');
      throw new DomainError('forbidden', `${ws.actor().userId} may not write the MSEL (needs exercise.control; held by ${roles.join(', ')})`, { permission: 'exercise.control', roles: whoMayParam(roles) });
    }
    if (exercise.status !== 'draft') throw new DomainError('invalid_transition', `the exercise is ${exercise.status}: a replay is appended only to a draft MSEL, before play starts`, { status: exercise.status });
    return exercise;
  };

  const plan = (request: Request): { exercise: Exercise; plan: ReplayPlan } => {
    const exercise = targetExercise();
    const source = realSpaces().find((space) => space.id === request.space);
    if (!source) {
      const known = ws.sync.status().spaces.find((space) => space.id === request.space);
      if (known) throw new DomainError('invalid_args', `${request.space} is an exercise space: only a real incident is replayed`, { field: 'space' });
      throw new DomainError('forbidden', `space ${request.space} is not one of this user's spaces`, { space: request.space });
    }
    const incident = store.list('incident', source.id).find((i) => i.id === request.incidentId);
    if (!incident) throw new DomainError('not_found', `incident ${request.incidentId} is not in ${source.id} on this desk`, { id: request.incidentId });
    const msel = store.list('inject', exercise.space).filter((i) => i.exerciseId === exercise.id);
    const space = source.id;
    const people = [
      ...store.list('staff', space).map((s) => s.name),
      ...store.list('assignment', space).map((a) => a.person),
      ...ws.directory.list(space).flatMap((u) => [u.displayName, u.username]),
    ];
    return {
      exercise,
      plan: replayIncident(
        {
          incident,
          logEntries: store.list('logEntry', space).filter((e) => e.incidentId === incident.id),
          messages: store.list('message', space).filter((m) => m.incidentId === incident.id),
          stock: store.list('stock', space),
          beds: store.list('bedCount', space),
          // Unfiltered: the names a shared desk may hold are what must be kept out of the texts.
          casualties: store.list('casualty', space).filter((c) => c.incidentId === incident.id),
          enquiries: store.list('enquiry', space).filter((e) => e.incidentId === incident.id),
          identitiesHeld: mayIdentify(ws.actor()),
          staffNames: [...new Set(people)],
        },
        { language: request.language, firstNumber: Math.max(0, ...msel.map((i) => i.number)) + 1, room: MSEL_MAX_INJECTS - msel.length },
      ),
    };
  };

  const preview = (result: ReplayPlan): ReplayPreview => ({
    total: result.total,
    adding: result.drafts.length,
    omitted: result.omitted,
    textsWithheld: result.textsWithheld,
    firstNumber: result.drafts[0]?.number ?? 0,
    counts: result.counts,
    sample: result.drafts.slice(0, PREVIEW_ROWS),
  });

  return {
    'msel.replaySources': () =>
      queue.run(() =>
        realSpaces()
          .flatMap((space) =>
            store.list('incident', space.id).flatMap((incident) => {
              const closed = closedAt(incident);
              return closed === undefined ? [] : [{ space: space.id, spaceName: space.name, incidentId: incident.id, name: incident.name, type: incident.type, discoveredAt: incident.discoveredAt, closedAt: closed }];
            }),
          )
          .sort((a, b) => b.closedAt - a.closedAt),
      ),

    'msel.replayPreview': (request) => queue.run(() => preview(plan(request).plan)),

    'msel.replay': (request) =>
      queue.run(async () => {
        const { exercise, plan: result } = plan(request);
        if (result.drafts.length === 0) throw new DomainError('invalid_args', 'the incident left nothing to replay: no log entry, message, stock, bed or casualty change between its discovery and its close', { field: 'incidentId' });
        const injects = result.drafts.map((draft) => ({ ...draft, id: newId() }));
        const { mutationId, touched, touchedIds } = await store.applyLocal('inject.append', { exerciseId: exercise.id, injects }, { at: ws.now(), actor: ws.actor(), space: exercise.space });
        events.emit(changedEvent(touched, touchedIds));
        events.emit({ type: 'sync', status: ws.sync.status() });
        ws.sync.requestSync();
        return { mutationId, added: injects.length, omitted: result.omitted, textsWithheld: result.textsWithheld };
      }),
  };
}
