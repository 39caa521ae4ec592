import { z } from 'zod';
import { isActiveIn, PersonSchema } from './assignments';
import { DomainError } from '../errors';
import { PositionIdSchema } from '../hics';
import { IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator } from '../mutation';

export const assignmentMutators = {
  /**
   * Staffs a position for the current period or, so Planning can prepare the next IAP, the one after it.
   * Past periods are closed: an assignment made offline for a period that has since ended is refused.
   */
  'assignment.assign': defineMutator(
    z.strictObject({ id: IdSchema, incidentId: IdSchema, period: z.number().int().min(1), positionId: PositionIdSchema, person: PersonSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const incident = await openIncident(tx, args.incidentId, ctx);
      if (await tx.get('assignment', args.id)) throw new DomainError('already_exists', `assignment ${args.id} already exists`, { id: args.id });
      if (args.period < incident.period || args.period > incident.period + 1) {
        throw new DomainError('invalid_transition', `period ${args.period} is not the current (${incident.period}) or the next one`, {
          period: args.period,
          current: incident.period,
        });
      }
      const holders = await tx.query('assignment', ctx.space, { where: { incidentId: args.incidentId, positionId: args.positionId } });
      const person = args.person.toLowerCase();
      const duplicate = holders.some((a) => isActiveIn(a, args.period) && a.person.toLowerCase() === person);
      if (duplicate) {
        throw new DomainError('already_exists', `${args.person} already holds ${args.positionId} in period ${args.period}`, {
          person: args.person,
          positionId: args.positionId,
        });
      }
      await tx.put('assignment', { ...args, space: ctx.space, assignedAt: ctx.at, assignedBy: ctx.actor.userId });
    },
  ),

  'assignment.release': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const assignment = await tx.get('assignment', args.id);
    if (!assignment || assignment.space !== ctx.space) throw new DomainError('not_found', `assignment ${args.id} does not exist`, { id: args.id });
    await openIncident(tx, assignment.incidentId, ctx);
    if (assignment.releasedAt !== undefined) throw new DomainError('invalid_transition', `assignment ${args.id} is already released`, { id: args.id });
    await tx.put('assignment', { ...assignment, releasedAt: ctx.at, releasedBy: ctx.actor.userId });
  }),
};
