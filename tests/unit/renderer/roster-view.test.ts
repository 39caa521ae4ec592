import { describe, expect, it } from 'vitest';
import { builtInShifts, type RosterShift, type StaffingRequirement } from '../../../src/domain/roster/roster';
import { shiftsByPerson } from '../../../src/domain/roster/roster-rules';
import type { Staff } from '../../../src/domain/roster/staff';
import { rosterSlots, RosterViewBuilder, type RosterSlot } from '../../../src/renderer/features/roster/roster-view';

const TZ = 'Asia/Shanghai';
const WEEK = '2026-11-23';
const slots = rosterSlots(WEEK, 7, builtInShifts.filter((d) => d.pattern === '2x12'), TZ);

const person = (n: number, over: Partial<Staff> = {}): Staff => ({
  id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`, space: 's', staffNo: `S${n}`, name: `Staff ${n}`, department: 'ED',
  profession: 'nurse', homeUnit: 'ED', qualifications: [], languages: [], phone: '', email: '', updatedAt: 0, ...over,
});

let nextShift = 0;
const on = (staff: Staff, slot: RosterSlot | undefined, over: Partial<RosterShift> = {}): RosterShift => {
  if (!slot) throw new Error('no slot');
  nextShift += 1;
  return {
    id: `00000000-0000-7000-9000-${String(nextShift).padStart(12, '0')}`, space: 's', staffId: staff.id, unit: 'ED', role: 'nurse',
    shiftCode: slot.code, start: slot.start, end: slot.end, assignedAt: 0, assignedBy: 'u', ...over,
  };
};

const requirement: StaffingRequirement = { id: 'r', space: 's', unit: 'ED', role: 'nurse', shiftCode: 'D12', min: 2, updatedAt: 0 };

function build(builder: RosterViewBuilder, staff: readonly Staff[], shifts: readonly RosterShift[]) {
  return builder.build({ unit: 'ED', role: 'nurse', slots, staff, shifts, byPerson: shiftsByPerson(shifts), requirements: [requirement] });
}

describe('the roster grid view', () => {
  it('has the unit\'s people of the role by name and visitors rostered in, each shift in its cell, work elsewhere as busy', () => {
    const [b, a, icu, doctor] = [person(2, { name: 'Bai' }), person(1, { name: 'An' }), person(3, { name: 'Chen', homeUnit: 'ICU' }), person(4, { profession: 'physician' })] as const;
    const staff = [b, a, icu, doctor];
    const shifts = [on(a, slots[0]), on(icu, slots[0]), on(b, slots[1], { unit: 'ICU' })];
    const view = build(new RosterViewBuilder(), staff, shifts);
    expect(view.rows.map((r) => r.staff.name)).toEqual(['An', 'Bai', 'Chen']);
    expect(view.rows[0]?.cells[0]).toBe(shifts[0]);
    expect(view.rows[1]?.cells[1]).toBeNull();
    expect(view.rows[1]?.busy[1]).toBe(true);
    expect(view.columns[0]).toMatchObject({ code: 'D12', required: 2, rostered: 2, gap: 0 });
    expect(view.columns[1]).toMatchObject({ code: 'N12', required: null, rostered: 0, gap: 0 });
    expect(view.columns[2]).toMatchObject({ code: 'D12', required: 2, rostered: 0, gap: 2 });
  });

  it('gives only the row and the column a new assignment touched new objects', () => {
    const staff = [1, 2, 3].map((n) => person(n));
    const shifts = staff.map((s) => on(s, slots[2]));
    const builder = new RosterViewBuilder();
    const before = build(builder, staff, shifts);
    const after = build(builder, staff, [...shifts, on(person(2), slots[0])]);
    expect(after.rows.map((r, i) => r === before.rows[i])).toEqual([true, false, true]);
    expect(after.rows[1]?.cells[0]).not.toBeNull();
    expect(after.columns.map((c, i) => c === before.columns[i])).toEqual(slots.map((_, i) => i !== 0));
    expect(after.columns[0]).toMatchObject({ rostered: 1, gap: 1 });
    expect(after.slots).toBe(before.slots);
  });

  it('keeps the whole view\'s columns and rows when nothing changed', () => {
    const staff = [1, 2].map((n) => person(n));
    const shifts = staff.map((s) => on(s, slots[4]));
    const builder = new RosterViewBuilder();
    const before = build(builder, staff, shifts);
    const again = build(builder, staff, [...shifts]);
    expect(again.columns).toBe(before.columns);
    expect(again.rows.every((r, i) => r === before.rows[i])).toBe(true);
  });
});
