import { DomainError } from './errors';
import type { Incident } from './incidents/incident';
import type { MutationContext, Tx } from './mutation';
import { can, positionsWhoMay, whoMayParam, type Permission } from './roles';

// Every feature's mutators start with these two checks; they live beside the mutation plumbing, not in the incidents
// feature, so that a feature the incidents feature itself uses (casualties) needs nothing of it back.

export function requirePermission(ctx: MutationContext, permission: Permission): void {
  if (!can(ctx.actor, permission)) {
    // The refusal names who may (`roles`), so the user who made the change offline learns whom to ask.
    const roles = positionsWhoMay(permission);
    throw new DomainError('forbidden', `${ctx.actor.userId} may not do this (needs ${permission}; held by ${roles.join(', ')})`, { permission, roles: whoMayParam(roles) });
  }
}

/** An incident that others may still change: it exists, is in this space and is not closed. */
export async function openIncident(tx: Tx, id: string, ctx: MutationContext): Promise<Incident> {
  const incident = await tx.get('incident', id);
  if (!incident) throw new DomainError('not_found', `incident ${id} does not exist`, { id });
  if (incident.space !== ctx.space) throw new DomainError('space_mismatch', `incident ${id} is in another space`);
  if (incident.status === 'closed') throw new DomainError('incident_closed', `incident ${incident.name} is closed`);
  return incident;
}
