import { z } from 'zod';

/** Roles follow HICS (Hospital Incident Command System) positions; the server checks them inside the mutators. */
export const RoleSchema = z.enum([
  'admin',
  'incident_commander',
  'operations_chief',
  'planning_chief',
  'logistics_chief',
  'finance_chief',
  'operator',
  'viewer',
  'exercise_facilitator',
  // HICS Operations' Patient Family Assistance Branch: the family desk, which alone handles who is who.
  'patient_family_assistance',
]);
export type Role = z.infer<typeof RoleSchema>;

export const ActorSchema = z.object({
  userId: z.string().min(1),
  roles: z.array(RoleSchema),
});
export type Actor = z.infer<typeof ActorSchema>;

/** What a mutation needs. Coarse on purpose: HICS staff swap seats, and a too-fine matrix blocks them mid-incident. */
/** `plan.manage`: write and revise emergency plans and record their reviews and drills (readiness work, not an incident's). */
/**
 * `roster.override`: roster someone past a fatigue limit, with a reason. Only the incident commander (and the
 * administrator) answers for that, not every command role: an exercise facilitator runs drills, not real staff.
 */
/**
 * `patient.identify`: see and record who casualties and family enquirers are (names, record numbers, contacts) and
 * match enquiries to casualties. Only the Patient Family Assistance Branch and the incident commander: the minimum
 * necessary (HIPAA 164.502(b)); every other desk of the space receives the records without them (the server's pull
 * leaves them out), so a wall or an export cannot show one. The administrator keeps every permission: it is also the
 * actor of a desk nobody has logged in to, which must read back what its operator typed.
 */
export type Permission = 'incident.command' | 'incident.write' | 'exercise.control' | 'plan.manage' | 'roster.override' | 'patient.identify';

const grants: Record<Role, readonly Permission[]> = {
  admin: ['incident.command', 'incident.write', 'exercise.control', 'plan.manage', 'roster.override', 'patient.identify'],
  incident_commander: ['incident.command', 'incident.write', 'plan.manage', 'roster.override', 'patient.identify'],
  operations_chief: ['incident.write'],
  planning_chief: ['incident.write', 'plan.manage'],
  logistics_chief: ['incident.write'],
  finance_chief: ['incident.write'],
  operator: ['incident.write'],
  viewer: [],
  exercise_facilitator: ['incident.command', 'incident.write', 'exercise.control'],
  patient_family_assistance: ['incident.write', 'patient.identify'],
};

export function can(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => grants[role].includes(permission));
}
