import { z } from 'zod';
import { DomainError } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { DeadlineReportSchema, DeadlineTitleSchema, RecipientSchema, statutoryDeadline, type DeadlineReport } from './reporting-deadlines';

export const deadlineMutators = {
  /** A deadline a user adds (a sitrep to the district, a call back to the CDC), counting from now. */
  'deadline.add': defineMutator(
    z.strictObject({ id: IdSchema, incidentId: IdSchema, title: DeadlineTitleSchema, to: RecipientSchema, dueAt: EpochMsSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await openIncident(tx, args.incidentId, ctx);
      if (args.id === args.incidentId || (await tx.get('deadline', args.id))) {
        throw new DomainError('already_exists', `deadline ${args.id} already exists`, { id: args.id });
      }
      await tx.put('deadline', {
        ...args,
        space: ctx.space,
        basis: 'custom',
        startsAt: Math.min(ctx.at, args.dueAt),
        createdAt: ctx.at,
        createdBy: ctx.actor.userId,
      });
    },
  ),

  /**
   * Stops a clock: who reported, when, to whom. `id` is a user deadline's id or, for the statutory report,
   * the incident's. Recording twice is refused so the first record stands.
   */
  'deadline.recordReport': defineMutator(
    z.strictObject({ id: IdSchema, reportedAt: EpochMsSchema, to: RecipientSchema, by: DeadlineReportSchema.shape.by }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await closeDeadline(tx, args.id, { reportedAt: args.reportedAt, to: args.to, by: args.by }, ctx);
    },
  ),

  /**
   * A user-added deadline that no longer applies; the statutory one is stopped by reporting, not removed, and a
   * reported one stays: it is the record of who reported what and when, which the timeline and the AAR count.
   */
  'deadline.remove': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const deadline = await tx.get('deadline', args.id);
    if (!deadline || deadline.space !== ctx.space) {
      if (await tx.get('incident', args.id)) throw new DomainError('invalid_transition', 'a statutory reporting deadline cannot be removed', { id: args.id });
      throw new DomainError('not_found', `deadline ${args.id} does not exist`, { id: args.id });
    }
    await openIncident(tx, deadline.incidentId, ctx);
    if (deadline.report) throw new DomainError('invalid_transition', `deadline ${deadline.title} was reported: its record stays`, { id: args.id });
    await tx.del('deadline', args.id);
  }),
};

/**
 * Stops a clock: `id` is a user deadline's id or, for the statutory report, the incident's. Recording twice is
 * refused so the first record stands. Also what a report recorded as sent calls (reports feature).
 */
export async function closeDeadline(tx: Tx, id: string, made: Pick<DeadlineReport, 'reportedAt' | 'to' | 'by'>, ctx: MutationContext): Promise<void> {
  const report: DeadlineReport = { ...made, recordedAt: ctx.at, recordedBy: ctx.actor.userId };
  const deadline = await tx.get('deadline', id);
  if (deadline && deadline.space === ctx.space) {
    await openIncident(tx, deadline.incidentId, ctx);
    if (deadline.report) throw new DomainError('invalid_transition', `deadline ${deadline.title} was already reported`, { id });
    await tx.put('deadline', { ...deadline, report });
    return;
  }
  const incident = (await tx.get('incident', id)) ? await openIncident(tx, id, ctx) : undefined;
  if (!incident || !statutoryDeadline(incident)) throw new DomainError('not_found', `deadline ${id} does not exist`, { id });
  if (incident.statutoryReport) throw new DomainError('invalid_transition', 'the statutory report was already recorded', { id });
  await tx.put('incident', { ...incident, statutoryReport: report, updatedAt: ctx.at });
}
