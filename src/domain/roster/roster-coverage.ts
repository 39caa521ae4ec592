import { shiftDefinitions, type RosterShift, type ShiftDefinition, type ShiftTemplate, type StaffingRequirement } from './roster';
import { addDays, zonedDay, zonedInstant } from './roster-time';
import type { PoolEntry } from './labour-pool';
import type { Staff } from './staff';

export type ShiftInstance = { code: string; day: string; start: number; end: number };

export function shiftInstance(def: ShiftDefinition, day: string, timeZone: string): ShiftInstance {
  const start = zonedInstant(day, def.startMinute, timeZone);
  return { code: def.code, day, start, end: zonedInstant(day, def.startMinute + def.hours * 60, timeZone) };
}

/**
 * People on duty for one requirement's shift against the minimum: `rostered` from the roster, `pooled` checked in
 * through the labour pool and not rostered on that shift; `gap` is how many are missing after both.
 */
export type CoverageRow = {
  unit: string;
  role: RosterShift['role'];
  shiftCode: string;
  phase: 'current' | 'next';
  start: number;
  end: number;
  required: number;
  rostered: number;
  pooled: number;
  gap: number;
};

/** Someone in the labour pool right now, placed by unit and role so coverage can count them. */
export type PooledPerson = { staffId: string; unit: string; role: RosterShift['role'] };

/**
 * Who the labour pool puts on duty at `at`, for coverage. A person counts while checked in (checked in at or before
 * `at`, not checked out) to an incident still open: the pool is where staff called in report, and an
 * incident's close ends its call-in even if nobody checked them out. Being sent from the pool to a HICS position or
 * a task does not stop them counting: they are still on duty. A pool entry carries no unit or role, and its
 * assignments name positions and tasks rather than units, so a person counts for their home unit and profession
 * from the staff directory; someone checked in to two incidents counts once.
 */
export function pooledOnDuty(
  at: number,
  entries: readonly PoolEntry[],
  staff: readonly Pick<Staff, 'id' | 'homeUnit' | 'profession'>[],
  openIncidentIds: ReadonlySet<string>,
): PooledPerson[] {
  const people = new Map(staff.map((s) => [s.id, s]));
  const here = new Map<string, PooledPerson>();
  for (const e of entries) {
    const person = people.get(e.staffId);
    if (!person || !openIncidentIds.has(e.incidentId) || e.checkedInAt > at || (e.checkedOutAt !== undefined && e.checkedOutAt <= at)) continue;
    here.set(person.id, { staffId: person.id, unit: person.homeUnit, role: person.profession });
  }
  return [...here.values()];
}


/** Rostered count for a requirement's shift on one day: same unit, role and code, starting at that instance. */
export function countRostered(shifts: readonly RosterShift[], req: Pick<StaffingRequirement, 'unit' | 'role' | 'shiftCode'>, start: number): number {
  return shifts.filter((s) => s.unit === req.unit && s.role === req.role && s.shiftCode === req.shiftCode && s.start === start).length;
}

/**
 * Coverage at a glance: for every minimum-staffing requirement, the instance of its shift running at `at`
 * (current) and, per unit and role, the shifts that start next. Read by the roster page and the wall display.
 * People in the labour pool (`pool`, see pooledOnDuty) are on duty now, so they count toward the current shift
 * only, and toward one current row per unit and role (the earliest started) so a wall summing rows counts them once.
 */
export function coverageAt(
  at: number,
  timeZone: string,
  requirements: readonly StaffingRequirement[],
  shifts: readonly RosterShift[],
  templates: readonly ShiftTemplate[],
  pool: readonly PooledPerson[] = [],
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
  rows.sort((a, b) => a.unit.localeCompare(b.unit) || a.role.localeCompare(b.role) || a.start - b.start);
  const counted = new Set<string>();
  return rows.map((r) => {
    const key = `${r.unit}\u0000${r.role}`;
    if (r.phase !== 'current' || counted.has(key)) return r;
    counted.add(key);
    const rosteredHere = new Set(shifts.filter((s) => s.unit === r.unit && s.role === r.role && s.shiftCode === r.shiftCode && s.start === r.start).map((s) => s.staffId));
    const pooled = pool.filter((p) => p.unit === r.unit && p.role === r.role && !rosteredHere.has(p.staffId)).length;
    return { ...r, pooled, gap: Math.max(0, r.required - r.rostered - pooled) };
  });
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
    pooled: 0,
    gap: Math.max(0, req.min - rostered),
  };
}
