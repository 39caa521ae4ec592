import type { PoolEntry } from './labour-pool';
import type { RosterShift } from './roster';
import { shiftsByPerson } from './roster-rules';

/** Why one person is flagged: more than one live pool assignment, and/or rostered shifts that overlap pool work. */
export type DoubleBooking = { staffId: string; liveAssignments: number; shiftIds: string[] };

/**
 * People booked twice: more than one live pool assignment at once, or pool work that overlaps a shift they are
 * rostered for (their unit counts on them while the incident uses them). An assignment occupies the time from
 * when it was made until it was released, the person checked out, or `at`. Pure, so the pool and the roster
 * show the same warning. Allowed, as HICS allows it, but never silently.
 */
export function doubleBookings(entries: readonly PoolEntry[], shifts: readonly RosterShift[], at: number): Map<string, DoubleBooking> {
  const found = new Map<string, DoubleBooking>();
  const entryOf = (staffId: string): DoubleBooking => {
    const existing = found.get(staffId);
    if (existing) return existing;
    const created: DoubleBooking = { staffId, liveAssignments: 0, shiftIds: [] };
    found.set(staffId, created);
    return created;
  };
  // Indexed by person once, not scanned per assignment: a four-week roster holds thousands of shifts.
  const byPerson = entries.length > 0 ? shiftsByPerson(shifts) : new Map<string, RosterShift[]>();
  for (const entry of entries) {
    const theirs = byPerson.get(entry.staffId) ?? [];
    for (const a of entry.assignments) {
      const end = a.releasedAt ?? entry.checkedOutAt ?? at;
      const live = a.releasedAt === undefined && entry.checkedOutAt === undefined;
      const clashing = theirs.filter((s) => s.start < end && a.at < s.end);
      if (!live && clashing.length === 0) continue;
      const booking = entryOf(entry.staffId);
      if (live) booking.liveAssignments += 1;
      for (const s of clashing) if (!booking.shiftIds.includes(s.id)) booking.shiftIds.push(s.id);
    }
  }
  for (const [id, b] of found) if (b.liveAssignments < 2 && b.shiftIds.length === 0) found.delete(id);
  return found;
}
