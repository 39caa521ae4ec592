import { DomainError } from '../errors';
import type { Exercise, ObjectiveRating } from '../exercises';
import type { CorrectiveAction } from './aar';

/** The ratings that show a fix works: performed without (P) or with some (S) challenges (HSEEP). */
const SHOWS_FIXED = new Set(['P', 'S']);

/**
 * Why `exercise` cannot verify `action` through `objectiveId`, or null when it can: the action is done, the
 * exercise is another, later one (played after the action was written), its objective names the action, and that
 * objective has been rated, every evaluator's current rating P or S (one M or U says the fix is not shown yet).
 */
export function verificationRefusal(action: CorrectiveAction, exercise: Exercise, objectiveId: string, ratings: readonly ObjectiveRating[]): DomainError | null {
  if (action.status !== 'done') {
    return new DomainError('invalid_transition', `corrective action ${action.id} is ${action.status}: only a done action is verified`, { status: action.status });
  }
  if (exercise.id === action.incidentId) {
    return new DomainError('invalid_transition', `exercise ${exercise.name} is where corrective action ${action.id} came from: a later exercise verifies it`, { id: exercise.id });
  }
  if (exercise.startedAt === undefined || exercise.startedAt <= action.createdAt) {
    return new DomainError('invalid_transition', `exercise ${exercise.name} was not played after corrective action ${action.id} was written`, { id: exercise.id });
  }
  const objective = exercise.objectives.find((o) => o.id === objectiveId);
  if (!objective) return new DomainError('not_found', `objective ${objectiveId} is not one of exercise ${exercise.name}'s`, { id: objectiveId });
  if (!(objective.verifies ?? []).includes(action.id)) {
    return new DomainError('invalid_transition', `objective ${objectiveId} of exercise ${exercise.name} does not name corrective action ${action.id}`, { id: objectiveId });
  }
  const current = ratings.filter((r) => r.exerciseId === exercise.id && r.objectiveId === objectiveId);
  if (current.length === 0) return new DomainError('invalid_transition', `objective ${objectiveId} of exercise ${exercise.name} is not rated yet`, { status: 'not_rated' });
  const short = current.find((r) => !SHOWS_FIXED.has(r.rating));
  if (short) {
    return new DomainError('invalid_transition', `objective ${objectiveId} of exercise ${exercise.name} is rated ${short.rating}: only P or S verifies a corrective action`, { rating: short.rating });
  }
  return null;
}
