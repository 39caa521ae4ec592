import type { RosterRulesFields, RosterShift, ShiftDefinition, StaffingRequirement } from '../../../domain/roster/roster';
import { shiftInstance, type ShiftInstance } from '../../../domain/roster/roster-coverage';
import { checkShift, type RuleViolation } from '../../../domain/roster/roster-rules';
import { addDays } from '../../../domain/roster/roster-time';
import type { Profession, Staff } from '../../../domain/roster/staff';
import { KeyedMemo, sameItems } from './keyed-memo';

/** Where one column's cells are: a shift of the chosen pattern on one day. The same while the week and pattern are. */
export type RosterSlot = ShiftInstance & { key: string };

/** One column of the roster: its slot, with the people rostered on it against the minimum. */
export type RosterColumn = RosterSlot & { required: number | null; rostered: number; gap: number };

/** `busy`: the person works elsewhere then (another unit, role or shift pattern), so the cell is not free. */
export type RosterRow = { staff: Staff; cells: (RosterShift | null)[]; busy: boolean[] };

export type RosterView = { slots: readonly RosterSlot[]; columns: RosterColumn[]; rows: RosterRow[] };

/** The pattern's shifts on each day of the span, in column order. */
export function rosterSlots(weekStart: string, days: number, defs: readonly ShiftDefinition[], timeZone: string): RosterSlot[] {
  const slots: RosterSlot[] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(weekStart, d);
    for (const def of defs) slots.push({ ...shiftInstance(def, day, timeZone), key: `${day}/${def.code}` });
  }
  return slots;
}

export type RosterViewInput = {
  unit: string;
  role: Profession;
  slots: readonly RosterSlot[];
  staff: readonly Staff[];
  shifts: readonly RosterShift[];
  /** `shifts` grouped by person (`shiftsByPerson`), each list in the order of `shifts`. */
  byPerson: ReadonlyMap<string, readonly RosterShift[]>;
  requirements: readonly StaffingRequirement[];
};

/**
 * The grid for one unit, role and span: columns are the slots, each with its gap; rows are the unit's people of
 * that role plus anyone rostered into the unit from elsewhere. Builds one view after another and gives every
 * column and row that did not change the previous view's object, so only what a change touched re-renders.
 */
export class RosterViewBuilder {
  private readonly rows = new KeyedMemo<RosterRow>();
  private columns: RosterColumn[] = [];
  private people: { inputs: readonly unknown[]; visitors: ReadonlySet<string>; list: Staff[] } | null = null;

  build(input: RosterViewInput): RosterView {
    const { unit, role, slots } = input;
    const inUnit = input.shifts.filter((s) => s.unit === unit && s.role === role);
    const columns = this.countColumns(input, inUnit);
    const people = this.peopleOf(input, new Set(inUnit.map((s) => s.staffId)));
    const rows = people.map((staff) => {
      const theirs = input.byPerson.get(staff.id) ?? [];
      return this.rows.get(staff.id, [staff, slots, unit, role, ...theirs], () => rosterRow(staff, theirs, slots, unit, role));
    });
    this.rows.sweep();
    return { slots, columns, rows };
  }

  private countColumns({ unit, role, slots, requirements }: RosterViewInput, inUnit: readonly RosterShift[]): RosterColumn[] {
    const rostered = new Map<string, number>();
    for (const s of inUnit) rostered.set(`${s.shiftCode}/${s.start}`, (rostered.get(`${s.shiftCode}/${s.start}`) ?? 0) + 1);
    const previous = new Map(this.columns.map((c) => [c.key, c]));
    const columns = slots.map((slot): RosterColumn => {
      const req = requirements.find((r) => r.unit === unit && r.role === role && r.shiftCode === slot.code);
      const count = rostered.get(`${slot.code}/${slot.start}`) ?? 0;
      const column = { ...slot, required: req?.min ?? null, rostered: count, gap: req ? Math.max(0, req.min - count) : 0 };
      const before = previous.get(slot.key);
      return before && sameColumn(before, column) ? before : column;
    });
    if (!sameItems(columns, this.columns)) this.columns = columns;
    return this.columns;
  }

  private peopleOf({ unit, role, staff }: RosterViewInput, visitors: ReadonlySet<string>): Staff[] {
    const inputs = [staff, unit, role];
    const last = this.people;
    if (last && sameItems(last.inputs, inputs) && sameSet(last.visitors, visitors)) return last.list;
    const list = staff
      .filter((s) => (s.homeUnit === unit && s.profession === role) || visitors.has(s.id))
      .sort((a, b) => a.name.localeCompare(b.name) || a.staffNo.localeCompare(b.staffNo));
    this.people = { inputs, visitors, list };
    return list;
  }
}

/** One person's row: their shift of this unit and role in each slot, and whether they work elsewhere then. */
function rosterRow(staff: Staff, theirs: readonly RosterShift[], slots: readonly RosterSlot[], unit: string, role: Profession): RosterRow {
  // Keyed like the slot; a later shift with the same key wins, as it did when the whole grid was keyed at once.
  const here = new Map<string, RosterShift>();
  for (const s of theirs) if (s.unit === unit && s.role === role) here.set(`${s.start}/${s.shiftCode}`, s);
  const cells = slots.map((c) => here.get(`${c.start}/${c.code}`) ?? null);
  const busy = slots.map((c, i) => cells[i] === null && theirs.some((s) => s.start < c.end && c.start < s.end));
  return { staff, cells, busy };
}

function sameColumn(a: RosterColumn, b: RosterColumn): boolean {
  return a.key === b.key && a.code === b.code && a.day === b.day && a.start === b.start && a.end === b.end &&
    a.required === b.required && a.rostered === b.rostered && a.gap === b.gap;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

/** What placing this person on this column would break: the planner's warning before anything is sent. */
export function previewViolations(column: ShiftInstance, theirs: readonly RosterShift[], rules: RosterRulesFields): RuleViolation[] {
  return checkShift(column, theirs, rules);
}
