import { z } from 'zod';
import { DomainError, isDomainError } from '../errors';
import { PositionIdSchema } from '../hics';
import { EpochMsSchema, IdSchema } from '../ids';
import { closeDeadline, statutoryDeadline } from '../incidents';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { figuresOf, SentViaSchema, SitRepCardSchema, SitRepKindSchema, SitRepSectionsSchema, type SitRep } from './sitreps';

async function reportIn(tx: Tx, id: string, ctx: MutationContext): Promise<SitRep> {
  const report = await tx.get('sitRep', id);
  if (!report || report.space !== ctx.space) throw new DomainError('not_found', `report ${id} does not exist`, { id });
  await openIncident(tx, report.incidentId, ctx);
  return report;
}

/** The fields an edit names (zod's partial leaves the others undefined, which must not blank them). */
function merged<T extends object>(base: T, fields: { [K in keyof T]?: T[K] | undefined } | undefined): T {
  return { ...base, ...Object.fromEntries(Object.entries(fields ?? {}).filter(([, value]) => value !== undefined)) };
}

function requireDraft(report: SitRep): void {
  if (report.status !== 'draft') throw new DomainError('report_signed_off', `report ${report.id} is ${report.status}`, { status: report.status });
}

async function currentFigures(tx: Tx, report: Pick<SitRep, 'incidentId'>, ctx: MutationContext) {
  return figuresOf(await tx.query('casualty', ctx.space, { where: { incidentId: report.incidentId } }), ctx.at);
}

export const sitRepMutators = {
  /**
   * A new report draft. Card and text come from the desk (suggested from the incident's data, `report.suggest`);
   * the figures are always the records', counted here so client and server agree. One initial and one final
   * report per incident; progress reports are numbered in order.
   */
  'report.draft': defineMutator(
    z.strictObject({ id: IdSchema, incidentId: IdSchema, kind: SitRepKindSchema, card: SitRepCardSchema, sections: SitRepSectionsSchema, deadlineId: IdSchema.optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const incident = await openIncident(tx, args.incidentId, ctx);
      if (await tx.get('sitRep', args.id)) throw new DomainError('already_exists', `report ${args.id} already exists`, { id: args.id });
      const earlier = await tx.query('sitRep', ctx.space, { where: { incidentId: args.incidentId, kind: args.kind } });
      if (args.kind !== 'progress' && earlier.length > 0) {
        throw new DomainError('already_exists', `the incident already has its ${args.kind} report`, { kind: args.kind });
      }
      if (args.deadlineId && args.deadlineId !== incident.id) {
        const deadline = await tx.get('deadline', args.deadlineId);
        if (!deadline || deadline.incidentId !== incident.id) throw new DomainError('not_found', `deadline ${args.deadlineId} does not exist`, { id: args.deadlineId });
      }
      // The initial report is the one the statutory 2-hour (or 24-hour) clock waits for.
      const deadlineId = args.deadlineId ?? (args.kind === 'initial' && statutoryDeadline(incident) ? incident.id : undefined);
      await tx.put('sitRep', {
        id: args.id,
        space: ctx.space,
        incidentId: args.incidentId,
        kind: args.kind,
        number: args.kind === 'progress' ? earlier.length + 1 : 1,
        status: 'draft',
        card: args.card,
        sections: args.sections,
        figures: await currentFigures(tx, args, ctx),
        ...(deadlineId ? { deadlineId } : {}),
        createdAt: ctx.at,
        createdBy: ctx.actor.userId,
        updatedAt: ctx.at,
      });
    },
  ),

  /** The officer's edits to a draft: any card field or section, the rest kept. */
  'report.edit': defineMutator(
    z.strictObject({ id: IdSchema, card: SitRepCardSchema.partial().optional(), sections: SitRepSectionsSchema.partial().optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const report = await reportIn(tx, args.id, ctx);
      requireDraft(report);
      await tx.put('sitRep', { ...report, card: merged(report.card, args.card), sections: merged(report.sections, args.sections), updatedAt: ctx.at });
    },
  ),

  /** Counts the casualties again (a draft's figures are as of when they were last counted). */
  'report.recompute': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const report = await reportIn(tx, args.id, ctx);
    requireDraft(report);
    await tx.put('sitRep', { ...report, figures: await currentFigures(tx, report, ctx), updatedAt: ctx.at });
  }),

  /**
   * Sign-off by a named person in a named HICS position, with command rights. The figures the signer saw are
   * frozen with their "as of" time; the clock keeps running until the report is recorded as sent.
   */
  'report.approve': defineMutator(
    z.strictObject({ id: IdSchema, name: z.string().trim().min(1).max(100), positionId: PositionIdSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.command');
      const report = await reportIn(tx, args.id, ctx);
      requireDraft(report);
      await tx.put('sitRep', { ...report, status: 'approved', approval: { name: args.name, positionId: args.positionId, at: ctx.at, by: ctx.actor.userId }, updatedAt: ctx.at });
    },
  ),

  /**
   * A signed-off report recorded as sent: how, when and who received it. It stops the clock it closes, so the
   * header's "reported" is a report that was really sent. A clock someone already stopped by hand stays as it was.
   */
  'report.recordSent': defineMutator(
    z.strictObject({ id: IdSchema, sentAt: EpochMsSchema, via: SentViaSchema, receivedBy: z.string().trim().min(1).max(100), by: z.string().trim().min(1).max(100) }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const report = await reportIn(tx, args.id, ctx);
      if (report.status !== 'approved') {
        throw new DomainError('invalid_transition', report.status === 'draft' ? 'a report is signed off before it is sent' : 'the report was already recorded as sent', { status: report.status });
      }
      await tx.put('sitRep', {
        ...report,
        status: 'sent',
        sent: { at: args.sentAt, via: args.via, receivedBy: args.receivedBy, recordedAt: ctx.at, recordedBy: ctx.actor.userId },
        updatedAt: ctx.at,
      });
      if (!report.deadlineId) return;
      try {
        await closeDeadline(tx, report.deadlineId, { reportedAt: args.sentAt, to: args.receivedBy, by: args.by }, ctx);
      } catch (error) {
        if (!(isDomainError(error) && error.code === 'invalid_transition')) throw error;
      }
    },
  ),
};
