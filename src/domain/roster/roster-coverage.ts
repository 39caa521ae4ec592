import { shiftDefinitions, type RosterShift, type ShiftDefinition, type ShiftTemplate, type StaffingRequirement } from './roster';
import { addDays, zonedDay, zonedInstant } from './roster-time';

export type ShiftInstance = { code: string; day: string; start: number; end: number };

export function shiftInstance(def: ShiftDefinition, day: string, timeZone: string): ShiftInstance {
  const start = zonedInstant(day, def.startMinute, timeZone);
  return { code: def.code, day, start, end: zonedInstant(day, def.startMinute + def.hours * 60, timeZone) };
}

/** People rostered for one requirement's shift against the minimum; `gap` is how many are missing. */
export type CoverageRow = {
  unit: string;
  role: RosterShift['role'];
  shiftCode: string;
  phase: 'current' | 'next';
  start: number;
  end: number;
  required: number;
  rostered: number;
  gap: number;
};

/** Rostered count for a requirement's shift on one day: same unit, role and code, starting at that instance. */
export function countRostered(shifts: readonly RosterShift[], req: Pick<StaffingRequirement, 'unit' | 'role' | 'shiftCode'>, start: number): number {
  return shifts.filter((s) => s.unit === req.unit && s.role === req.role && s.shiftCode === req.shiftCode && s.start === start).length;
}

/**
 * Coverage at a glance: for every minimum-staffing requirement, the instance of its shift running at `at`
 * (current) and, per unit and role, the shifts that start next. Read by the roster page and the wall display.
 */
export function coverageAt(
  at: number,
  timeZone: string,
  requirements: readonly StaffingRequirement[],
  shifts: readonly RosterShift[],
  templates: readonly ShiftTemplate[],
): CoverageRow[] {
  const defs = new Map(shiftDefinitions(templates).map((d) => [d.code, d]));
  const today = zonedDay(at, timeZone);
  const rows: CoverageRow[] = [];
  const nextCandidates = new Map<string, { req: StaffingRequirement; inst: ShiftInstance }[]>();
  for (const req of requirements) {
    const def = defs.get(req.shiftCode);
    if (!def) continue;
    const instances = [-1, 0, 1].map((n) => shiftInstance(def, addDays(today, n), timeZone));
    const current = instances.find((i) => i.start <= at && at < i.end);
    if (current) rows.push(row(req, current, 'current', shifts));
    const next = instances.find((i) => i.start > at);
    if (next) {
      const key = `${req.unit}\u0000${req.role}`;
      nextCandidates.set(key, [...(nextCandidates.get(key) ?? []), { req, inst: next }]);
    }
  }
  for (const list of nextCandidates.values()) {
    const soonest = Math.min(...list.map((c) => c.inst.start));
    for (const c of list) if (c.inst.start === soonest) rows.push(row(c.req, c.inst, 'next', shifts));
  }
  return rows.sort((a, b) => a.unit.localeCompare(b.unit) || a.role.localeCompare(b.role) || a.start - b.start);
}

function row(req: StaffingRequirement, inst: ShiftInstance, phase: CoverageRow['phase'], shifts: readonly RosterShift[]): CoverageRow {
  const rostered = countRostered(shifts, req, inst.start);
  return {
    unit: req.unit,
    role: req.role,
    shiftCode: req.shiftCode,
    phase,
    start: inst.start,
    end: inst.end,
    required: req.min,
    rostered,
    gap: Math.max(0, req.min - rostered),
  };
}
