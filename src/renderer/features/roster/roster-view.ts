import type { RosterShift, RosterRulesFields, ShiftDefinition, StaffingRequirement } from '../../../domain/roster';
import { shiftInstance, countRostered, type ShiftInstance } from '../../../domain/roster-coverage';
import { checkShift, type RuleViolation } from '../../../domain/roster-rules';
import { addDays } from '../../../domain/roster-time';
import type { Profession, Staff } from '../../../domain/staff';

/** One column of the roster: a shift of the chosen pattern on one day of the week. */
export type RosterColumn = ShiftInstance & { key: string; required: number | null; rostered: number; gap: number };

/** `busy`: the person works elsewhere then (another unit, role or shift pattern), so the cell is not free. */
export type RosterRow = { staff: Staff; cells: (RosterShift | null)[]; busy: boolean[] };

export type RosterView = { columns: RosterColumn[]; rows: RosterRow[] };

/**
 * The grid for one unit, role and week: columns are the pattern's shifts on seven days, rows are the unit's
 * people of that role plus anyone rostered into the unit from elsewhere, and each column carries its gap.
 */
export function buildRosterView(input: {
  unit: string;
  role: Profession;
  weekStart: string;
  days: number;
  defs: readonly ShiftDefinition[];
  timeZone: string;
  staff: readonly Staff[];
  shifts: readonly RosterShift[];
  requirements: readonly StaffingRequirement[];
}): RosterView {
  const { unit, role, timeZone } = input;
  const inUnit = input.shifts.filter((s) => s.unit === unit && s.role === role);
  const columns: RosterColumn[] = [];
  for (let d = 0; d < input.days; d++) {
    const day = addDays(input.weekStart, d);
    for (const def of input.defs) {
      const inst = shiftInstance(def, day, timeZone);
      const req = input.requirements.find((r) => r.unit === unit && r.role === role && r.shiftCode === def.code);
      const rostered = countRostered(inUnit, { unit, role, shiftCode: def.code }, inst.start);
      columns.push({ ...inst, key: `${day}/${def.code}`, required: req?.min ?? null, rostered, gap: req ? Math.max(0, req.min - rostered) : 0 });
    }
  }
  const visitors = new Set(inUnit.map((s) => s.staffId));
  const people = input.staff
    .filter((s) => (s.homeUnit === unit && s.profession === role) || visitors.has(s.id))
    .sort((a, b) => a.name.localeCompare(b.name) || a.staffNo.localeCompare(b.staffNo));
  const byCell = new Map(inUnit.map((s) => [`${s.staffId}/${s.start}/${s.shiftCode}`, s]));
  const byPerson = new Map<string, RosterShift[]>();
  for (const s of input.shifts) byPerson.set(s.staffId, [...(byPerson.get(s.staffId) ?? []), s]);
  const rows = people.map((staff) => {
    const cells = columns.map((c) => byCell.get(`${staff.id}/${c.start}/${c.code}`) ?? null);
    const theirs = byPerson.get(staff.id) ?? [];
    const busy = columns.map((c, i) => cells[i] === null && theirs.some((s) => s.start < c.end && c.start < s.end));
    return { staff, cells, busy };
  });
  return { columns, rows };
}

/** What placing this person on this column would break: the planner's warning before anything is sent. */
export function previewViolations(staffId: string, column: ShiftInstance, shifts: readonly RosterShift[], rules: RosterRulesFields): RuleViolation[] {
  return checkShift(column, shifts.filter((s) => s.staffId === staffId), rules);
}
