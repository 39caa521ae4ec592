import { z } from 'zod';
import { DomainError } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import {
  IncidentNameSchema,
  IncidentTypeSchema,
  incidentHistory,
  ResponseLevelSchema,
} from './incident';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { openIncident, requirePermission } from '../mutation-guards';
import { defaultReportCategory, ReportCategorySchema } from './reporting-deadlines';

export const DeclareIncidentArgsSchema = z.strictObject({
  id: IdSchema,
  name: IncidentNameSchema,
  type: IncidentTypeSchema,
  level: ResponseLevelSchema,
  location: z.string().trim().max(200).default(''),
  discoveredAt: EpochMsSchema,
  periodHours: z.number().int().min(1).max(72).default(12),
  /** Which statutory report clock starts at discovery; defaults by type (reporting-deadlines.ts). */
  reportCategory: ReportCategorySchema.optional(),
});

/**
 * The mark that makes an incident the command post's current one: the desk's time, but always past every mark
 * already held, so the mark applied last wins even when an earlier one came from a desk whose clock ran a day
 * ahead (a mark stamped by that clock would otherwise hold every following desk for a day).
 */
async function nextMark(tx: Tx, ctx: MutationContext): Promise<number> {
  let highest = -Infinity;
  for (const incident of await tx.query('incident', ctx.space)) highest = Math.max(highest, incident.markedCurrentAt ?? -Infinity);
  return Math.max(ctx.at, highest + 1);
}

/** Declares an incident: from the board, or from a verified early-warning alert (warning-mutators.ts). */
export async function declareIncident(tx: Tx, args: z.infer<typeof DeclareIncidentArgsSchema>, ctx: MutationContext): Promise<void> {
  requirePermission(ctx, 'incident.command');
  if (await tx.get('incident', args.id)) {
    throw new DomainError('already_exists', `incident ${args.id} already exists`, { id: args.id });
  }
  await tx.put('incident', {
    ...args,
    reportCategory: args.reportCategory ?? defaultReportCategory(args.type),
    space: ctx.space,
    status: 'active',
    declaredAt: ctx.at,
    declaredBy: ctx.actor.userId,
    period: 1,
    periodStartedAt: ctx.at,
    updatedAt: ctx.at,
    history: [{ type: 'declared', at: ctx.at, by: ctx.actor.userId, level: args.level }],
    // Declaring is the command post's act: the new incident becomes every following desk's current one.
    markedCurrentAt: await nextMark(tx, ctx),
  });
}

export const incidentMutators = {
  'incident.declare': defineMutator(DeclareIncidentArgsSchema, async (tx, args, ctx) => {
    await declareIncident(tx, args, ctx);
  }),

  /**
   * The command post makes an open incident the current one for every desk that follows it (drill fix 13). A
   * command act: an operator's own choice of incident stays on their desk (settings), it does not move the others.
   */
  'incident.markCurrent': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const incident = await openIncident(tx, args.id, ctx);
    await tx.put('incident', { ...incident, markedCurrentAt: await nextMark(tx, ctx) });
  }),

  'incident.rename': defineMutator(z.strictObject({ id: IdSchema, name: IncidentNameSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const incident = await openIncident(tx, args.id, ctx);
    await tx.put('incident', { ...incident, name: args.name, updatedAt: ctx.at });
  }),

  'incident.setLevel': defineMutator(
    z.strictObject({ id: IdSchema, level: ResponseLevelSchema, reason: z.string().trim().min(1).max(500) }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.command');
      const incident = await openIncident(tx, args.id, ctx);
      if (incident.level === args.level) return;
      const event = { type: 'level_changed', at: ctx.at, by: ctx.actor.userId, from: incident.level, to: args.level, reason: args.reason } as const;
      await tx.put('incident', { ...incident, level: args.level, updatedAt: ctx.at, history: [...incidentHistory(incident), event] });
    },
  ),
};
