import { z } from 'zod';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { ObjectiveStatusSchema, ObjectiveTextSchema, type Objective } from './objectives';

async function openObjective(tx: Tx, id: string, ctx: MutationContext): Promise<Objective> {
  const objective = await tx.get('objective', id);
  if (!objective || objective.space !== ctx.space) throw new DomainError('not_found', `objective ${id} does not exist`, { id });
  await openIncident(tx, objective.incidentId, ctx);
  return objective;
}

export const objectiveMutators = {
  'objective.create': defineMutator(
    z.strictObject({ id: IdSchema, incidentId: IdSchema, period: z.number().int().min(1).optional(), text: ObjectiveTextSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const incident = await openIncident(tx, args.incidentId, ctx);
      if (await tx.get('objective', args.id)) throw new DomainError('already_exists', `objective ${args.id} already exists`, { id: args.id });
      const period = args.period ?? incident.period;
      if (period < incident.period || period > incident.period + 1) {
        throw new DomainError('invalid_transition', `period ${period} is not the current (${incident.period}) or the next one`, { period });
      }
      await tx.put('objective', {
        id: args.id,
        space: ctx.space,
        incidentId: args.incidentId,
        period,
        text: args.text,
        status: 'open',
        createdAt: ctx.at,
        createdBy: ctx.actor.userId,
        updatedAt: ctx.at,
      });
    },
  ),

  /** Writes only the fields given, so a wording fix and a status change made at once both survive. */
  'objective.update': defineMutator(
    z.strictObject({ id: IdSchema, text: ObjectiveTextSchema.optional(), status: ObjectiveStatusSchema.optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const objective = await openObjective(tx, args.id, ctx);
      await tx.put('objective', {
        ...objective,
        ...(args.text !== undefined ? { text: args.text } : {}),
        ...(args.status !== undefined ? { status: args.status } : {}),
        updatedAt: ctx.at,
      });
    },
  ),

  /** Removes the objective and unlinks its tasks (the work stays on the board). */
  'objective.remove': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const objective = await openObjective(tx, args.id, ctx);
    for (const task of await tx.query('task', ctx.space, { where: { objectiveId: objective.id } })) {
      const { objectiveId: _unlinked, ...rest } = task;
      await tx.put('task', { ...rest, updatedAt: ctx.at });
    }
    await tx.del('objective', objective.id);
  }),
};
