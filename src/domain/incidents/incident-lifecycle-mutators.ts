import { z } from 'zod';
import { casualtiesInCare } from '../casualties';
import { DomainError } from '../errors';
import { PositionIdSchema } from '../hics';
import { EpochMsSchema, IdSchema } from '../ids';
import { isActiveIn, PersonSchema } from './assignments';
import { incidentHistory, type Incident, type IncidentStatus } from './incident';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { ObjectiveTextSchema } from './objectives';

type Carry = {
  objectives: readonly { id: string; text: string }[];
  assignments: readonly { id: string; positionId: string; person: string }[];
};

/**
 * Writes the confirmed objectives and assignments into the new period. What Planning already prepared for it
 * (the same position and person, the same objective text) is kept as it is rather than doubled.
 */
async function carryOver(tx: Tx, incident: Incident, period: number, carry: Carry, ctx: MutationContext): Promise<void> {
  const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
  const objectives = (await tx.query('objective', ctx.space, { where: { incidentId: incident.id } })).filter((o) => o.period === period);
  for (const o of carry.objectives) {
    if (objectives.some((p) => same(p.text, o.text))) continue;
    if (await tx.get('objective', o.id)) throw new DomainError('already_exists', `objective ${o.id} already exists`, { id: o.id });
    const row = { id: o.id, space: ctx.space, incidentId: incident.id, period, text: o.text, status: 'open', createdAt: ctx.at, createdBy: ctx.actor.userId, updatedAt: ctx.at } as const;
    objectives.push(row);
    await tx.put('objective', row);
  }
  const assignments = (await tx.query('assignment', ctx.space, { where: { incidentId: incident.id } })).filter((a) => isActiveIn(a, period));
  for (const a of carry.assignments) {
    if (assignments.some((p) => p.positionId === a.positionId && same(p.person, a.person))) continue;
    if (await tx.get('assignment', a.id)) throw new DomainError('already_exists', `assignment ${a.id} already exists`, { id: a.id });
    const row = { ...a, space: ctx.space, incidentId: incident.id, period, assignedAt: ctx.at, assignedBy: ctx.actor.userId };
    assignments.push(row);
    await tx.put('assignment', row);
  }
}

const ReasonSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(500);

async function changeStatus(tx: Tx, incident: Incident, to: IncidentStatus, reason: string, ctx: MutationContext): Promise<void> {
  const event = { type: 'status_changed', at: ctx.at, by: ctx.actor.userId, from: incident.status, to, reason } as const;
  await tx.put('incident', { ...incident, status: to, updatedAt: ctx.at, history: [...incidentHistory(incident), event] });
}

/** Start, escalation and end of the response: command roles only (roles.ts). */
export const incidentLifecycleMutators = {
  /**
   * Closes the current operational period and opens the next. The caller names the period it means to open,
   * so two commanders pressing "next period" at once open it once: the second is refused, not a period skipped.
   * The command structure and the objectives still open go on into the new period only as the commander confirmed
   * them (`carry`): a period that silently started empty left the drill's org chart and objectives blank.
   */
  'incident.startPeriod': defineMutator(
    z.strictObject({
      id: IdSchema,
      period: z.number().int().min(2),
      hours: z.number().int().min(1).max(72).optional(),
      /** When the new period begins: the planned change-over, which is rarely the moment of the click. */
      startsAt: EpochMsSchema.optional(),
      carry: z
        .strictObject({
          objectives: z.array(z.strictObject({ id: IdSchema, text: ObjectiveTextSchema })).max(200),
          assignments: z.array(z.strictObject({ id: IdSchema, positionId: PositionIdSchema, person: PersonSchema })).max(500),
        })
        .optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.command');
      const incident = await openIncident(tx, args.id, ctx);
      if (args.period !== incident.period + 1) {
        throw new DomainError('invalid_transition', `period ${incident.period} is current; cannot open period ${args.period}`, {
          period: args.period,
          current: incident.period,
        });
      }
      const startsAt = args.startsAt ?? ctx.at;
      if (startsAt < incident.periodStartedAt) {
        throw new DomainError('invalid_transition', `period ${args.period} cannot start before period ${incident.period} did`, { period: args.period });
      }
      const hours = args.hours ?? incident.periodHours;
      if (args.carry) await carryOver(tx, incident, args.period, args.carry, ctx);
      const event = { type: 'period_started', at: startsAt, by: ctx.actor.userId, period: args.period, hours } as const;
      await tx.put('incident', {
        ...incident,
        period: args.period,
        periodHours: hours,
        periodStartedAt: startsAt,
        updatedAt: ctx.at,
        history: [...incidentHistory(incident), event],
      });
    },
  ),

  /** The response is winding down: staff are released and checked out (HICS 221), work continues meanwhile. */
  'incident.demobilise': defineMutator(z.strictObject({ id: IdSchema, reason: ReasonSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const incident = await openIncident(tx, args.id, ctx);
    if (incident.status !== 'active') throw new DomainError('invalid_transition', `incident is ${incident.status}, not active`, { status: incident.status });
    await changeStatus(tx, incident, 'demobilising', args.reason, ctx);
  }),

  /** Back to a full response from demobilisation (the situation flared up again). */
  'incident.activate': defineMutator(z.strictObject({ id: IdSchema, reason: ReasonSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const incident = await openIncident(tx, args.id, ctx);
    if (incident.status !== 'demobilising') {
      throw new DomainError('invalid_transition', `incident is ${incident.status}, not demobilising`, { status: incident.status });
    }
    await changeStatus(tx, incident, 'active', args.reason, ctx);
  }),

  /**
   * Final: a closed incident is the record and refuses every later change to it (`incident_closed`); only what is
   * learned from it, the after-action report and its corrective actions (src/domain/aar), is written after the close.
   */
  'incident.close': defineMutator(z.strictObject({ id: IdSchema, reason: ReasonSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const incident = await openIncident(tx, args.id, ctx);
    const inCare = await casualtiesInCare(tx, ctx.space, incident.id);
    if (inCare > 0) throw new DomainError('invalid_transition', `${inCare} casualties have no disposition yet`, { count: inCare });
    await changeStatus(tx, incident, 'closed', args.reason, ctx);
  }),
};
