import { z } from 'zod';
import { casualtiesInCare } from '../casualties';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { incidentHistory, type Incident, type IncidentStatus } from './incident';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';

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
   */
  'incident.startPeriod': defineMutator(
    z.strictObject({ id: IdSchema, period: z.number().int().min(2), hours: z.number().int().min(1).max(72).optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.command');
      const incident = await openIncident(tx, args.id, ctx);
      if (args.period !== incident.period + 1) {
        throw new DomainError('invalid_transition', `period ${incident.period} is current; cannot open period ${args.period}`, {
          period: args.period,
          current: incident.period,
        });
      }
      const hours = args.hours ?? incident.periodHours;
      const event = { type: 'period_started', at: ctx.at, by: ctx.actor.userId, period: args.period, hours } as const;
      await tx.put('incident', {
        ...incident,
        period: args.period,
        periodHours: hours,
        periodStartedAt: ctx.at,
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

  /** Final: a closed incident is the record and refuses every later change (`incident_closed`). */
  'incident.close': defineMutator(z.strictObject({ id: IdSchema, reason: ReasonSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const incident = await openIncident(tx, args.id, ctx);
    const inCare = await casualtiesInCare(tx, ctx.space, incident.id);
    if (inCare > 0) throw new DomainError('invalid_transition', `${inCare} casualties have no disposition yet`, { count: inCare });
    await changeStatus(tx, incident, 'closed', args.reason, ctx);
  }),
};
