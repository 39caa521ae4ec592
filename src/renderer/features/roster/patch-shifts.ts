import { byShiftId } from '../../../contract/roster-api';
import type { RosterShift } from '../../../domain/roster';

/**
 * `shifts` (in id order, as `roster.plan` gives them) with `changed` put in their place or inserted in order and
 * `removed` taken out: what a full read would give now, with every other shift the same object as before.
 */
export function patchShifts(shifts: readonly RosterShift[], changed: readonly RosterShift[], removed: readonly string[]): RosterShift[] {
  const gone = new Set(removed);
  const fresh = new Map(changed.map((s) => [s.id, s]));
  const kept: RosterShift[] = [];
  for (const s of shifts) {
    if (gone.has(s.id)) continue;
    kept.push(fresh.get(s.id) ?? s);
    fresh.delete(s.id);
  }
  if (fresh.size === 0) return kept;
  // Merge the new ones in: both lists are in id order.
  const added = [...fresh.values()].sort(byShiftId);
  const out: RosterShift[] = [];
  let i = 0;
  for (const s of added) {
    for (let next = kept[i]; next && byShiftId(next, s) < 0; next = kept[++i]) out.push(next);
    out.push(s);
  }
  out.push(...kept.slice(i));
  return out;
}
