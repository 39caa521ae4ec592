import { mayIdentify } from '../domain/casualties';
import { mayReadWellbeing } from '../domain/recovery';
import type { Actor } from '../domain/roles';

/**
 * What a desk's rows of a space hold beyond what every user may see, as bits of `sync_cursor.identities` (desk
 * migration 9 stored 1 for names and 0 for none; those values keep their meaning, so no migration was needed).
 * The server leaves names out of a pull for users without `patient.identify` and individual wellbeing check-ins
 * out for users without `wellbeing.read`; a shared desk must hold no more than its current user may see.
 */
export const DeskView = { names: 1, wellbeing: 2 } as const;

export function deskViewOf(actor: Actor): number {
  return (mayIdentify(actor) ? DeskView.names : 0) | (mayReadWellbeing(actor) ? DeskView.wellbeing : 0);
}
