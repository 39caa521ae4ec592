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
  // Employee Health & Well-being (HICS Logistics' support): the one desk that sees how each person is doing.
  'wellbeing_lead',
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
 * `request.approve`: approve, reject and fill resource requests (HICS 213RR). Logistics' decision in HICS; the
 * commander (and the administrator) stand in when the section is not staffed.
 * `patient.identify`: see and record who casualties and family enquirers are (names, record numbers, contacts) and
 * match enquiries to casualties. Only the Patient Family Assistance Branch and the incident commander: the minimum
 * necessary (HIPAA 164.502(b)); every other desk of the space receives the records without them (the server's pull
 * leaves them out), so a wall or an export cannot show one. The administrator keeps every permission: it is also the
 * actor of a desk nobody has logged in to, which must read back what its operator typed.
 * `wellbeing.read`: see individual staff wellbeing check-ins (Stress First Aid colours, needs). Only the wellbeing
 * lead, not the commander: command sees unit aggregates (src/domain/recovery/wellbeing.ts); the server's pull leaves
 * individual check-ins out for everyone else.
 */
export type Permission = 'incident.command' | 'incident.write' | 'exercise.control' | 'plan.manage' | 'roster.override' | 'aar.write' | 'request.approve' | 'patient.identify' | 'wellbeing.read';

const grants: Record<Role, readonly Permission[]> = {
  admin: ['incident.command', 'incident.write', 'exercise.control', 'plan.manage', 'roster.override', 'aar.write', 'request.approve', 'patient.identify', 'wellbeing.read'],
  incident_commander: ['incident.command', 'incident.write', 'plan.manage', 'roster.override', 'aar.write', 'request.approve', 'patient.identify'],
  operations_chief: ['incident.write'],
  planning_chief: ['incident.write', 'plan.manage', 'aar.write'],
  logistics_chief: ['incident.write', 'request.approve'],
  finance_chief: ['incident.write'],
  operator: ['incident.write'],
  viewer: [],
  exercise_facilitator: ['incident.command', 'incident.write', 'exercise.control', 'aar.write'],
  patient_family_assistance: ['incident.write', 'patient.identify'],
  wellbeing_lead: ['incident.write', 'wellbeing.read'],
};

export function can(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => grants[role].includes(permission));
}

/** Every role that holds the permission, in RoleSchema's order (command first, then the sections). */
export function rolesWith(permission: Permission): Role[] {
  return RoleSchema.options.filter((role) => grants[role].includes(permission));
}

/**
 * The positions to name when telling someone who may do what they may not: the roles holding the permission, less
 * the administrator, an account that keeps the system rather than a seat in the command room (naming it would send
 * an operator to IT mid-incident). Derived from the one table above, so the screen, the server's refusal and the
 * check itself can never disagree.
 */
export function positionsWhoMay(permission: Permission): Role[] {
  return rolesWith(permission).filter((role) => role !== 'admin');
}

/**
 * The `roles` param a `forbidden` refusal carries: role ids joined by commas, for the UI to name in the user's
 * language (a refusal is recorded once, on the server, and read later in either language).
 */
export function whoMayParam(roles: readonly Role[]): string {
  return roles.join(',');
}

/** Reads a `roles` param back; ids the running code does not know are left out. */
export function parseWhoMayParam(value: string | number | undefined): Role[] {
  if (typeof value !== 'string') return [];
  return value.split(',').flatMap((id) => {
    const parsed = RoleSchema.safeParse(id.trim());
    return parsed.success ? [parsed.data] : [];
  });
}

// Every Permission: `satisfies` makes one added to the type without being listed here a compile error.
const permissionSet = {
  'incident.command': true,
  'incident.write': true,
  'exercise.control': true,
  'plan.manage': true,
  'roster.override': true,
  'aar.write': true,
  'request.approve': true,
  'patient.identify': true,
  'wellbeing.read': true,
} as const satisfies Record<Permission, true>;
const permissions = Object.keys(permissionSet);

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (permissions as readonly string[]).includes(value);
}
