import { describe, expect, it } from 'vitest';
import type { RosterShift } from '../../../src/domain/roster/roster';
import { applyRowDelta, liveReads } from '../../../src/contract/live';

/** A roster plan's shifts with a row delta applied, as the workstation and the renderer both patch them. */
function patchShifts(shifts: RosterShift[], rows: RosterShift[], removed: string[]): RosterShift[] {
  return applyRowDelta({ shifts }, liveReads['roster.plan'].keyed, { rows, removed }).shifts;
}

const shift = (id: string, start = 0): RosterShift => ({
  id, space: 's', staffId: 'p', unit: 'ED', role: 'nurse', shiftCode: 'D12', start, end: start + 1, assignedAt: 0, assignedBy: 'u',
});

describe('patching a keyed read with a row delta', () => {
  it('replaces changed shifts in place, drops removed ones and keeps every other object', () => {
    const plan = [shift('a'), shift('b'), shift('c'), shift('d')];
    const moved = shift('b', 5);
    const patched = patchShifts(plan, [moved], ['c']);
    expect(patched.map((s) => s.id)).toEqual(['a', 'b', 'd']);
    expect(patched[0]).toBe(plan[0]);
    expect(patched[1]).toBe(moved);
    expect(patched[2]).toBe(plan[3]);
  });

  it('inserts new shifts where a full read would have them: in id order, also between older ones (synced from another desk)', () => {
    const plan = [shift('b'), shift('d'), shift('f')];
    expect(patchShifts(plan, [shift('g'), shift('a'), shift('e')], []).map((s) => s.id)).toEqual(['a', 'b', 'd', 'e', 'f', 'g']);
  });

  it('ignores removed ids it does not hold', () => {
    const plan = [shift('a')];
    expect(patchShifts(plan, [], ['z'])).toEqual(plan);
  });
});
