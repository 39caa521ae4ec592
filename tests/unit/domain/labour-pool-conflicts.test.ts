import { describe, expect, it } from 'vitest';
import type { PoolEntry } from '../../../src/domain/roster/labour-pool';
import { doubleBookings } from '../../../src/domain/roster/labour-pool-conflicts';
import type { RosterShift } from '../../../src/domain/roster/roster';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 0, 0);
const NURSE = '018f0000-0000-7000-8000-000000000001';
const OTHER = '018f0000-0000-7000-8000-000000000002';

function entry(staffId: string, assignments: PoolEntry['assignments'], checkedOutAt?: number): PoolEntry {
  return {
    id: `018f0000-0000-7000-8000-0000000001${staffId.slice(-2)}`,
    space: 'demo-hospital',
    incidentId: '018f0000-0000-7000-8000-000000000900',
    staffId,
    checkedInAt: T0,
    ...(checkedOutAt === undefined ? {} : { checkedOutAt }),
    assignments,
  };
}

function shift(id: string, staffId: string, startHour: number, hours: number): RosterShift {
  return {
    id, space: 'demo-hospital', staffId, unit: 'ED', role: 'nurse', shiftCode: 'X',
    start: T0 + startHour * H, end: T0 + (startHour + hours) * H, assignedAt: T0, assignedBy: 'u',
  };
}

const task = (atHour: number, releasedHour?: number) => ({
  taskId: '018f0000-0000-7000-8000-000000000777', at: T0 + atHour * H, by: 'u',
  ...(releasedHour === undefined ? {} : { releasedAt: T0 + releasedHour * H }),
});

describe('double-booking', () => {
  it('flags nobody with one assignment and no shift at that time', () => {
    const found = doubleBookings([entry(NURSE, [task(1)])], [shift('s-later', NURSE, 30, 12), shift('s-other', OTHER, 0, 12)], T0 + 5 * H);
    expect(found.size).toBe(0);
  });

  it('flags two live assignments at once', () => {
    const found = doubleBookings([entry(NURSE, [task(1), { positionId: 'ops.medical-care.inpatient', at: T0 + 2 * H, by: 'u' }])], [], T0 + 5 * H);
    expect(found.get(NURSE)).toEqual({ staffId: NURSE, liveAssignments: 2, shiftIds: [] });
  });

  it('does not count a released assignment as a second one', () => {
    const found = doubleBookings([entry(NURSE, [task(1, 2), task(3)])], [], T0 + 5 * H);
    expect(found.size).toBe(0);
  });

  it('flags pool work that overlaps a rostered shift of the same person', () => {
    const found = doubleBookings([entry(NURSE, [task(8)])], [shift('s-day', NURSE, 7, 12), shift('s-next', NURSE, 31, 12)], T0 + 10 * H);
    expect(found.get(NURSE)).toEqual({ staffId: NURSE, liveAssignments: 1, shiftIds: ['s-day'] });
  });

  it('counts pool work only until it was released, the person checked out, or now', () => {
    const shifts = [shift('s-evening', NURSE, 19, 12)];
    expect(doubleBookings([entry(NURSE, [task(8, 12)])], shifts, T0 + 20 * H).size).toBe(0);
    expect(doubleBookings([entry(NURSE, [task(8)], T0 + 18 * H)], shifts, T0 + 20 * H).size).toBe(0);
    expect(doubleBookings([entry(NURSE, [task(8)])], shifts, T0 + 18 * H).size).toBe(0);
    expect(doubleBookings([entry(NURSE, [task(8)])], shifts, T0 + 20 * H).get(NURSE)?.shiftIds).toEqual(['s-evening']);
  });
});
