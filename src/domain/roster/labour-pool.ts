import { z } from 'zod';
import { PositionIdSchema } from '../hics';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';

const HOUR = 3_600_000;

/** What someone in the pool was sent to do: a HICS position (with its HICS 203 row) or a task. */
export const PoolAssignmentSchema = z.object({
  positionId: PositionIdSchema.optional(),
  assignmentId: IdSchema.optional(),
  taskId: IdSchema.optional(),
  at: StoredEpochMsSchema,
  by: z.string(),
  releasedAt: StoredEpochMsSchema.optional(),
});
export type PoolAssignment = z.infer<typeof PoolAssignmentSchema>;

/** One person's time in the labour pool during an incident: checked in, assigned, checked out (HICS 252 rows). */
export const PoolEntrySchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  staffId: IdSchema,
  checkedInAt: StoredEpochMsSchema,
  checkedOutAt: StoredEpochMsSchema.optional(),
  assignments: z.array(PoolAssignmentSchema).max(200),
});
export type PoolEntry = z.infer<typeof PoolEntrySchema>;

export const isCheckedIn = (entry: PoolEntry): boolean => entry.checkedOutAt === undefined;
export const activeAssignments = (entry: PoolEntry): PoolAssignment[] => entry.assignments.filter((a) => a.releasedAt === undefined);

/** Hours on duty for the time sheet (HICS 252): from check-in to check-out, or to `at` while still here. */
export function hoursWorked(entry: PoolEntry, at: number): number {
  return Math.max(0, (entry.checkedOutAt ?? at) - entry.checkedInAt) / HOUR;
}

/** A person's hours across the incident, summed over every check-in (the section's time sheet total). */
export function timesheet(entries: readonly PoolEntry[], at: number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const e of entries) totals.set(e.staffId, (totals.get(e.staffId) ?? 0) + hoursWorked(e, at));
  return totals;
}

/** The wellbeing check section chiefs see: `due` when the stretch reaches the limit, `soon` within two hours of it. */
export type Wellbeing = { hoursOnDuty: number; restDueAt: number; status: 'ok' | 'soon' | 'due' };

export function wellbeing(entry: PoolEntry, at: number, maxConsecutiveHours: number): Wellbeing {
  const hoursOnDuty = hoursWorked(entry, at);
  const restDueAt = entry.checkedInAt + maxConsecutiveHours * HOUR;
  const status = hoursOnDuty >= maxConsecutiveHours ? 'due' : hoursOnDuty >= maxConsecutiveHours - 2 ? 'soon' : 'ok';
  return { hoursOnDuty, restDueAt, status };
}

/** People holding more than one live assignment at once: allowed (HICS lets one person hold several) but flagged. */
export function doubleBooked(entries: readonly PoolEntry[]): Set<string> {
  const count = new Map<string, number>();
  for (const e of entries) {
    if (!isCheckedIn(e)) continue;
    count.set(e.staffId, (count.get(e.staffId) ?? 0) + activeAssignments(e).length);
  }
  return new Set([...count].filter(([, n]) => n > 1).map(([id]) => id));
}
