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
 * `aar.write`: draft and edit an incident's after-action report and its corrective actions: the commander and
 * Planning (its Documentation Unit keeps the record), and a drill's facilitator; not every section that wrote the log.
 */
export type Permission = 'incident.command' | 'incident.write' | 'exercise.control' | 'plan.manage' | 'roster.override' | 'aar.write';

const grants: Record<Role, readonly Permission[]> = {
  admin: ['incident.command', 'incident.write', 'exercise.control', 'plan.manage', 'roster.override', 'aar.write'],
  incident_commander: ['incident.command', 'incident.write', 'plan.manage', 'roster.override', 'aar.write'],
  operations_chief: ['incident.write'],
  planning_chief: ['incident.write', 'plan.manage', 'aar.write'],
  logistics_chief: ['incident.write'],
  finance_chief: ['incident.write'],
  operator: ['incident.write'],
  viewer: [],
  exercise_facilitator: ['incident.command', 'incident.write', 'exercise.control', 'aar.write'],
};

export function can(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => grants[role].includes(permission));
}
