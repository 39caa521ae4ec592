import { mayIdentify } from '../domain/casualties';
import { seesScenario, type Exercise } from '../domain/exercises';
import { mayReadWellbeing } from '../domain/recovery';
import { can, type Actor } from '../domain/roles';

/**
 * What a desk's rows of a space hold beyond what every user may see, as bits of `sync_cursor.identities` (desk
 * migration 9 stored 1 for names and 0 for none; those values keep their meaning, so no migration was needed).
 * The server leaves names out of a pull for users without `patient.identify`, individual wellbeing check-ins out
 * for users without `wellbeing.read`, and an exercise's scenario (future injects, the MSEL's script, the
 * evaluation) out for users who do not see it (scenario-visibility.ts); a shared desk must hold no more than its
 * current user may see.
 *
 * `scenario` set means the rows may hold the scenario whole. It is stored inverted (the column holds 4 where the
 * scenario was withheld), so a cursor marked before the bit existed counts as possibly holding it: the first user
 * who may not see it has it taken off, rather than inheriting a controller's MSEL.
 */
export const DeskView = { names: 1, wellbeing: 2, scenario: 4 } as const;

/** Between the bits as `heldViews` and `markView` use them and as the column stores them. */
export function storedView(view: number): number {
  return view ^ DeskView.scenario;
}

/** The bits that depend on the user's roles alone, the same in every space. */
export function deskViewOf(actor: Actor): number {
  return (mayIdentify(actor) ? DeskView.names : 0) | (mayReadWellbeing(actor) ? DeskView.wellbeing : 0);
}

/**
 * Whether `actor` sees the scenario of a space whose exercise records this desk holds are `exercises`: the
 * facilitator's permission sees every one; otherwise the user's role in each exercise decides. `undefined` when
 * the desk cannot tell, because it holds no exercise record of the space: a hospital space (it has no scenario),
 * or an exercise space whose record has not been pulled yet. Rows of such a space are neither taken away nor
 * pulled again for the scenario, since either would be a guess, and a guess that changes as the record arrives
 * would pull the space again and again.
 */
export function scenarioSight(exercises: readonly Exercise[], actor: Actor): boolean | undefined {
  if (can(actor, 'exercise.control')) return true;
  if (exercises.length === 0) return undefined;
  return exercises.every((exercise) => seesScenario(exercise, actor));
}
