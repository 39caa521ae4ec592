import { z } from 'zod';
import { findPosition, keyPositionIds, positionPath, PositionIdSchema } from '../hics';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';

export const PersonSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(100);

/** One person in one HICS position for one operational period (a row of HICS 203). Released, never deleted. */
export const AssignmentSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  period: z.number().int().min(1),
  positionId: PositionIdSchema,
  person: PersonSchema,
  assignedAt: StoredEpochMsSchema,
  assignedBy: z.string(),
  releasedAt: StoredEpochMsSchema.optional(),
  releasedBy: z.string().optional(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export function isActiveIn(assignment: Assignment, period: number): boolean {
  return assignment.period === period && assignment.releasedAt === undefined;
}

/** Who holds which position in a period: position id to the people in it (a position may be shared). */
export function holdersByPosition(assignments: readonly Assignment[], period: number): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const a of assignments) {
    if (!isActiveIn(a, period)) continue;
    holders.set(a.positionId, [...(holders.get(a.positionId) ?? []), a.person]);
  }
  return holders;
}

/** Key positions (IC and the four section chiefs) nobody holds in the period. */
export function keyVacancies(assignments: readonly Assignment[], period: number): string[] {
  const holders = holdersByPosition(assignments, period);
  return keyPositionIds.filter((id) => !holders.has(id));
}

/**
 * The positions the chart shows by default: every staffed position and its chain of command up to the IC,
 * so a staffed unit never floats without its branch. The IC is always shown, staffed or not.
 */
export function activatedPositions(assignments: readonly Assignment[], period: number): Set<string> {
  const shown = new Set<string>(['ic']);
  for (const positionId of holdersByPosition(assignments, period).keys()) {
    for (const p of positionPath(positionId)) shown.add(p.id);
  }
  return shown;
}

/** The positions one person holds in the period (one person may hold several: HICS allows it when small). */
export function positionsOfPerson(assignments: readonly Assignment[], period: number, person: string): string[] {
  const key = person.trim().toLowerCase();
  return assignments
    .filter((a) => isActiveIn(a, period) && a.person.trim().toLowerCase() === key && findPosition(a.positionId))
    .map((a) => a.positionId);
}
