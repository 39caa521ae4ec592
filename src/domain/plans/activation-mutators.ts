import { z } from 'zod';
import { isActiveIn } from '../incidents';
import { DomainError } from '../errors';
import { findPosition, PositionIdSchema } from '../hics';
import { IdSchema } from '../ids';
import { incidentHistory } from '../incidents';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { activationId, ItemMarkStatusSchema, positionChecklistId, type PlanActivation } from './activation';
import { checklistRows, responseItemsOf } from './checklist-items';
import { planIn, planVersionIn } from './plan-mutators';
import type { PlanVersion } from './plans';

async function newChecklist(tx: Tx, activation: PlanActivation, version: PlanVersion, positionId: string, ctx: MutationContext): Promise<void> {
  const position = findPosition(positionId);
  if (!position) throw new DomainError('not_found', `${positionId} is not a HICS position`, { positionId });
  await tx.put('positionChecklist', {
    id: positionChecklistId(activation.id, positionId), space: ctx.space, incidentId: activation.incidentId, activationId: activation.id,
    planId: activation.planId, versionId: version.id, positionId, section: position.section, marks: {},
    createdAt: ctx.at, createdBy: ctx.actor.userId, updatedAt: ctx.at,
  });
}

async function activationIn(tx: Tx, id: string, ctx: MutationContext): Promise<PlanActivation> {
  const activation = await tx.get('planActivation', id);
  if (!activation || activation.space !== ctx.space) throw new DomainError('not_found', `plan activation ${id} does not exist`, { id });
  return activation;
}

export const activationMutators = {
  /**
   * Activates a plan's version in force on an incident, at the incident's level: pins the version and opens one
   * checklist for each filled HICS position the plan has response items for. Which items show and fall due is
   * derived from then on (checklist-items.ts), so escalation and the passing bands need no further writes.
   */
  'plan.activate': defineMutator(z.strictObject({ incidentId: IdSchema, planId: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const incident = await openIncident(tx, args.incidentId, ctx);
    const plan = await planIn(tx, args.planId, ctx);
    if (plan.status === 'retired' || plan.currentVersionId === undefined) {
      throw new DomainError('invalid_transition', `plan ${plan.code} has no approved version to activate`, { status: plan.status === 'retired' ? 'retired' : 'draft' });
    }
    const id = activationId(incident.id, plan.id);
    if (await tx.get('planActivation', id)) throw new DomainError('already_exists', `plan ${plan.code} is already active on ${incident.name}`, { id });
    const version = await planVersionIn(tx, plan.currentVersionId, ctx);
    const activation: PlanActivation = {
      id, space: ctx.space, incidentId: incident.id, planId: plan.id, versionId: version.id, level: incident.level,
      historyIndex: incidentHistory(incident).length, activatedAt: ctx.at, activatedBy: ctx.actor.userId,
    };
    await tx.put('planActivation', activation);
    const assignments = await tx.query('assignment', ctx.space, { where: { incidentId: incident.id } });
    const filled = new Set(assignments.filter((a) => isActiveIn(a, incident.period)).map((a) => a.positionId));
    for (const positionId of [...filled].sort()) {
      if (responseItemsOf(version.content, positionId).length > 0) await newChecklist(tx, activation, version, positionId, ctx);
    }
  }),

  /** Opens the checklist of a position filled after the plan was activated; nothing happens if it is open already. */
  'checklist.open': defineMutator(z.strictObject({ activationId: IdSchema, positionId: PositionIdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const activation = await activationIn(tx, args.activationId, ctx);
    await openIncident(tx, activation.incidentId, ctx);
    if (await tx.get('positionChecklist', positionChecklistId(activation.id, args.positionId))) return;
    const version = await planVersionIn(tx, activation.versionId, ctx);
    if (responseItemsOf(version.content, args.positionId).length === 0) {
      throw new DomainError('not_found', `the plan has no response checklist for ${args.positionId}`, { positionId: args.positionId });
    }
    await newChecklist(tx, activation, version, args.positionId, ctx);
  }),

  /**
   * Marks an item done, not applicable, or open again. Only an item that applies now (its level reached) can be
   * marked; marking a step with substeps cascades to them (WebEOC's cascade).
   */
  'checklist.mark': defineMutator(
    z.strictObject({ checklistId: IdSchema, itemId: z.string().min(1).max(60), status: ItemMarkStatusSchema, remark: z.string().trim().max(1000).optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const checklist = await tx.get('positionChecklist', args.checklistId);
      if (!checklist || checklist.space !== ctx.space) throw new DomainError('not_found', `checklist ${args.checklistId} does not exist`, { id: args.checklistId });
      const incident = await openIncident(tx, checklist.incidentId, ctx);
      const activation = await activationIn(tx, checklist.activationId, ctx);
      const version = await planVersionIn(tx, checklist.versionId, ctx);
      const rows = checklistRows(version.content, checklist.positionId, checklist.marks, { activation, incident, now: ctx.at });
      const row = rows.flatMap((r) => [r, ...r.substeps]).find((r) => r.item.id === args.itemId);
      if (!row) {
        const known = responseItemsOf(version.content, checklist.positionId).find((i) => i.id === args.itemId);
        if (known) throw new DomainError('invalid_transition', `item ${args.itemId} applies from level ${known.fromLevel}, which ${incident.name} has not reached`, { status: incident.level });
        throw new DomainError('not_found', `the checklist of ${checklist.positionId} has no item ${args.itemId}`, { id: args.itemId });
      }
      const mark = { status: args.status, at: ctx.at, by: ctx.actor.userId, ...(args.remark ? { remark: args.remark } : {}) };
      const marks = { ...checklist.marks, [args.itemId]: mark };
      // Done or n/a fills in the substeps nobody marked; reopening a step reopens all of them, or it would stay complete.
      for (const sub of row.substeps) if (args.status === 'open' || !marks[sub.item.id]) marks[sub.item.id] = mark;
      await tx.put('positionChecklist', { ...checklist, marks, updatedAt: ctx.at });
    },
  ),
};
