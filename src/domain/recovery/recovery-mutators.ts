import { z } from 'zod';
import { DomainError } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import type { Incident } from '../incidents';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { can } from '../roles';
import { CostLineFieldsSchema, lineTotal } from './costs';
import { checkoutId, CheckoutItemSchema, personKey } from './demob';
import { computedKinds, MetricKindSchema, MetricStatusSchema, MetricValueSchema, type RecoveryMetric } from './metrics';
import { callsForFollowUp, StressZoneSchema, tallied, tallyId, WellbeingNeedSchema } from './wellbeing';

/**
 * Recovery is the incident's last phase: check-outs, metrics and costs are written once the incident is
 * demobilising, and after its close too (cost lines and metrics run on for weeks). A commander may start them
 * earlier (releasing a first team while the response goes on).
 */
async function recoveryIncident(tx: Tx, id: string, ctx: MutationContext): Promise<Incident> {
  const incident = await tx.get('incident', id);
  if (!incident || incident.space !== ctx.space) throw new DomainError('not_found', `incident ${id} does not exist`, { id });
  if (incident.status === 'active' && !can(ctx.actor, 'incident.command')) {
    throw new DomainError('invalid_transition', `incident ${incident.name} is active: recovery work starts at demobilisation, or earlier by the commander`, { status: incident.status });
  }
  return incident;
}

const PersonSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);
const OwnerSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);

export const demobMutators = {
  /**
   * Ticks (or unticks) one HICS 221 item of one person's check-out. One item a change, so two section chiefs
   * signing their own items of the same person at once both stand.
   */
  'demob.tick': defineMutator(
    z.strictObject({ incidentId: IdSchema, person: PersonSchema, item: CheckoutItemSchema, done: z.boolean() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await recoveryIncident(tx, args.incidentId, ctx);
      const id = checkoutId(ctx.space, args.incidentId, args.person);
      const current = await tx.get('demobCheckout', id);
      const items = { ...(current?.items ?? {}) };
      if (args.done) items[args.item] = items[args.item] ?? { by: ctx.actor.userId, at: ctx.at };
      else delete items[args.item];
      await tx.put('demobCheckout', { id, space: ctx.space, incidentId: args.incidentId, person: current?.person ?? args.person, items, updatedAt: ctx.at });
    },
  ),
};

export const recoveryMetricMutators = {
  /**
   * A metric to track to done. Beds and stock are counted from the records, so they take no figure; the other
   * kinds may start with one.
   */
  'recoveryMetric.add': defineMutator(
    z.strictObject({ id: IdSchema, incidentId: IdSchema, kind: MetricKindSchema, label: z.string().trim().max(200).optional(), target: MetricValueSchema, current: MetricValueSchema.optional(), owner: OwnerSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await recoveryIncident(tx, args.incidentId, ctx);
      if (await tx.get('recoveryMetric', args.id)) throw new DomainError('already_exists', `recovery metric ${args.id} already exists`, { id: args.id });
      if (args.kind === 'other' && !args.label) throw new DomainError('invalid_args', 'a metric of kind other needs a name (label)', { field: 'label' });
      if (args.current !== undefined && computedKinds.includes(args.kind)) throw new DomainError('invalid_args', `${args.kind} is counted from the records and takes no figure`, { field: 'current' });
      const existing = await tx.query('recoveryMetric', ctx.space, { where: { incidentId: args.incidentId, kind: args.kind } });
      if (args.kind !== 'other' && existing.length > 0) throw new DomainError('already_exists', `the incident already tracks ${args.kind}`, { id: existing[0]?.id ?? args.id });
      await tx.put('recoveryMetric', {
        id: args.id, space: ctx.space, incidentId: args.incidentId, kind: args.kind, label: args.label ?? '', target: args.target,
        ...(args.current === undefined ? {} : { current: args.current }), owner: args.owner, status: 'open', createdAt: ctx.at, updatedAt: ctx.at, updatedBy: ctx.actor.userId,
      });
    },
  ),

  /** Its target, owner, the figure of a hand-entered kind, or its status, each only when named. */
  'recoveryMetric.update': defineMutator(
    z.strictObject({ id: IdSchema, target: MetricValueSchema.optional(), current: MetricValueSchema.optional(), owner: OwnerSchema.optional(), status: MetricStatusSchema.optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const metric = await tx.get('recoveryMetric', args.id);
      if (!metric || metric.space !== ctx.space) throw new DomainError('not_found', `recovery metric ${args.id} does not exist`, { id: args.id });
      await recoveryIncident(tx, metric.incidentId, ctx);
      if (args.current !== undefined && computedKinds.includes(metric.kind)) throw new DomainError('invalid_args', `${metric.kind} is counted from the records and takes no figure`, { field: 'current' });
      const next: RecoveryMetric = { ...metric, updatedAt: ctx.at, updatedBy: ctx.actor.userId };
      if (args.target !== undefined) next.target = args.target;
      if (args.current !== undefined) next.current = args.current;
      if (args.owner !== undefined) next.owner = args.owner;
      if (args.status !== undefined && args.status !== metric.status) {
        next.status = args.status;
        if (args.status === 'done') next.doneAt = ctx.at;
        else delete next.doneAt;
      }
      await tx.put('recoveryMetric', next);
    },
  ),
};

export const costMutators = {
  /** A purchase for the incident (HICS 256 line); its total is worked out here, to the cent. */
  'cost.add': defineMutator(
    CostLineFieldsSchema.extend({ id: IdSchema, incidentId: IdSchema, date: EpochMsSchema }).strict(),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await recoveryIncident(tx, args.incidentId, ctx);
      if (await tx.get('costLine', args.id)) throw new DomainError('already_exists', `cost line ${args.id} already exists`, { id: args.id });
      await tx.put('costLine', { ...args, space: ctx.space, total: lineTotal(args.quantity, args.unitCost), createdAt: ctx.at, createdBy: ctx.actor.userId });
    },
  ),

  /** A line entered by mistake goes (the audit keeps it). */
  'cost.remove': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const line = await tx.get('costLine', args.id);
    if (!line || line.space !== ctx.space) throw new DomainError('not_found', `cost line ${args.id} does not exist`, { id: args.id });
    await recoveryIncident(tx, line.incidentId, ctx);
    await tx.del('costLine', args.id);
  }),
};

export const wellbeingMutators = {
  /**
   * A wellbeing check-in, by the person or a peer, at any stage of the incident (check-ins matter most during the
   * response). The incident's tally moves the person from the zone of their latest earlier check-in to this one;
   * a check-in older than the latest (sent late from an offline desk) is kept but moves nobody.
   */
  'wellbeing.checkIn': defineMutator(
    z.strictObject({
      id: IdSchema,
      incidentId: IdSchema,
      person: PersonSchema,
      unit: z.string().trim().min(1, { message: 'must not be empty' }).max(100),
      zone: StressZoneSchema,
      reportedBy: z.enum(['self', 'peer']),
      needs: z.array(WellbeingNeedSchema).max(5).optional(),
      wantsContact: z.boolean().optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const incident = await tx.get('incident', args.incidentId);
      if (!incident || incident.space !== ctx.space) throw new DomainError('not_found', `incident ${args.incidentId} does not exist`, { id: args.incidentId });
      if (await tx.get('wellbeingCheckIn', args.id)) throw new DomainError('already_exists', `check-in ${args.id} already exists`, { id: args.id });
      // On the server every earlier check-in is here; a desk without wellbeing.read sees only its own pending ones,
      // so its optimistic tally may count a person twice until the server's comes back.
      const key = personKey(args.person);
      const earlier = (await tx.query('wellbeingCheckIn', ctx.space, { where: { incidentId: args.incidentId } }))
        .filter((c) => personKey(c.person) === key)
        .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
      const latest = earlier[earlier.length - 1];
      const checkIn = {
        id: args.id, space: ctx.space, incidentId: args.incidentId, person: args.person, unit: args.unit, zone: args.zone, reportedBy: args.reportedBy,
        needs: [...new Set(args.needs ?? [])], wantsContact: args.wantsContact ?? false, at: ctx.at, recordedBy: ctx.actor.userId,
      };
      await tx.put('wellbeingCheckIn', checkIn);
      const id = tallyId(ctx.space, args.incidentId);
      const tally = await tx.get('wellbeingTally', id);
      const awaiting = (tally?.awaitingFollowUp ?? 0) + (callsForFollowUp(checkIn) ? 1 : 0);
      // A check-in older than the latest (sent late from an offline desk) moves nobody, but may still await a follow-up.
      const units = latest && latest.at > ctx.at ? tally?.units ?? {} : tallied(tally?.units ?? {}, args, latest);
      await tx.put('wellbeingTally', { id, space: ctx.space, incidentId: args.incidentId, units, awaitingFollowUp: awaiting, updatedAt: ctx.at });
    },
  ),

  /**
   * The wellbeing lead's follow-up of a check-in that called for one (an orange or red zone, or a wish to be
   * contacted): recorded once, by someone who may read check-ins, since only they know whose it is.
   */
  'wellbeing.followUp': defineMutator(
    z.strictObject({ id: IdSchema, note: z.string().trim().min(1, { message: 'must not be empty' }).max(1000) }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'wellbeing.read');
      const checkIn = await tx.get('wellbeingCheckIn', args.id);
      if (!checkIn || checkIn.space !== ctx.space) throw new DomainError('not_found', `check-in ${args.id} does not exist`, { id: args.id });
      if (!callsForFollowUp(checkIn)) throw new DomainError('invalid_transition', 'this check-in called for no follow-up (green or yellow, no contact asked for)', { id: args.id });
      if (checkIn.followUp) throw new DomainError('invalid_transition', 'the follow-up of this check-in was already recorded', { id: args.id });
      await tx.put('wellbeingCheckIn', { ...checkIn, followUp: { at: ctx.at, by: ctx.actor.userId, note: args.note } });
      const id = tallyId(ctx.space, checkIn.incidentId);
      const tally = await tx.get('wellbeingTally', id);
      if (tally) await tx.put('wellbeingTally', { ...tally, awaitingFollowUp: Math.max(0, (tally.awaitingFollowUp ?? 0) - 1), updatedAt: ctx.at });
    },
  ),
};
