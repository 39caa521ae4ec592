import { can, type Actor } from '../roles';
import { participantRole, type Exercise } from './exercise';
import type { Inject } from './injects';

/**
 * Who may read the scenario (the MSEL ahead of play, what each inject expects of the players, and the evaluation):
 * the facilitator's permission, and the exercise's controllers and evaluators. Players and observers must meet the
 * scenario as it happens, and evaluators never prompt players (HSEEP), so neither may read it beforehand.
 */
export function seesScenario(exercise: Exercise | undefined, actor: Actor): boolean {
  if (can(actor, 'exercise.control')) return true;
  if (!exercise) return false;
  const role = participantRole(exercise, actor.userId);
  return role === 'controller' || role === 'evaluator';
}

/** Kinds that only someone who sees the scenario receives at all. */
const evaluationKinds = new Set(['evaluatorNote', 'objectiveRating']);

/** Kinds that hold the scenario: the MSEL's injects and the evaluation. */
export const scenarioKinds = ['inject', 'evaluatorNote', 'objectiveRating'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A delivered inject as a player may hold it: what was said to them, who said it and when, and their own answer;
 * not the expected action, the controller nor the objective it tests.
 */
function deliveredView(inject: Inject): Inject {
  const { controller: _controller, capability: _capability, ...told } = inject;
  return { ...told, expectedAction: '', objectiveIds: [] };
}

/**
 * A record of an exercise space as `actor` may receive it: unchanged for someone who sees the scenario or a kind
 * that holds none of it, a delivered inject without its script, and `undefined` (not sent at all) for an inject
 * not yet delivered and for the evaluators' notes and ratings. The server applies it to every row a pull sends,
 * so a player's desk never holds a future inject; the workstation applies it again to what its screens read.
 * `exercises` are the space's exercise records, by id.
 */
export function scenarioView<T>(kind: string, data: T, exercises: ReadonlyMap<string, Exercise>, actor: Actor): T | undefined {
  if (kind !== 'inject' && !evaluationKinds.has(kind)) return data;
  if (!isRecord(data) || typeof data['exerciseId'] !== 'string') return data;
  if (seesScenario(exercises.get(data['exerciseId']), actor)) return data;
  return withheldView(kind, data);
}

/**
 * A scenario record as someone who does not see the scenario holds it: what `scenarioView` gives them. A shared desk
 * rewrites its rows with it when such a user logs in, so they hold exactly what a pull of their own would bring.
 */
export function withheldView<T>(kind: string, data: T): T | undefined {
  if (evaluationKinds.has(kind)) return undefined;
  if (kind !== 'inject' || !isRecord(data)) return data;
  const inject = data as unknown as Inject;
  return inject.status === 'delivered' ? (deliveredView(inject) as unknown as T) : undefined;
}
