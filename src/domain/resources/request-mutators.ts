import { z } from 'zod';
import { DomainError } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { filledQty, MutualAidAnswerSchema, MutualAidOriginSchema, RequestPrioritySchema, ResourceRequestSchema, type ResourceRequest } from './resource-requests';
import { StockLabelSchema, StockQtySchema } from './stock';
import { stockLevel, takeStock } from './stock-mutators';

/** Logistics approves and fills (HICS); who stands in is the role table's `request.approve` (roles.ts). */
function requireLogistics(ctx: MutationContext): void {
  requirePermission(ctx, 'request.approve');
}

async function request(tx: Tx, id: string, ctx: MutationContext): Promise<ResourceRequest> {
  const found = await tx.get('resourceRequest', id);
  if (!found) throw new DomainError('not_found', `request ${id} does not exist`, { id });
  if (found.space !== ctx.space) throw new DomainError('space_mismatch', `request ${id} is in another space`);
  return found;
}

function refuseUnless(found: ResourceRequest, allowed: readonly ResourceRequest['status'][]): void {
  if (!allowed.includes(found.status)) {
    throw new DomainError('invalid_transition', `request for ${found.item} is ${found.status}`, { status: found.status });
  }
}

export const requestMutators = {
  'request.raise': defineMutator(
    z.strictObject({
      id: IdSchema,
      item: StockLabelSchema,
      qty: StockQtySchema,
      neededBy: EpochMsSchema,
      priority: RequestPrioritySchema,
      justification: ResourceRequestSchema.shape.justification,
      section: ResourceRequestSchema.shape.section,
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      if (await tx.get('resourceRequest', args.id)) throw new DomainError('already_exists', `request ${args.id} exists`, { id: args.id });
      await tx.put('resourceRequest', { ...args, space: ctx.space, requestedBy: ctx.actor.userId, requestedAt: ctx.at, status: 'pending', fills: [], updatedAt: ctx.at });
    },
  ),

  /**
   * A request another hospital sent (EDXL-RM RequestResource, imported by Logistics): it lands pending, as an
   * incoming mutual-aid request, and is approved, refused and filled like our own. Its id is derived from the
   * sender's message id, so importing the same message twice is refused as `already_exists`.
   */
  'request.receiveMutualAid': defineMutator(
    z.strictObject({
      id: IdSchema,
      item: StockLabelSchema,
      qty: StockQtySchema,
      neededBy: EpochMsSchema,
      priority: RequestPrioritySchema,
      justification: ResourceRequestSchema.shape.justification,
      section: ResourceRequestSchema.shape.section,
      mutualAid: MutualAidOriginSchema.strict(),
    }),
    async (tx, args, ctx) => {
      requireLogistics(ctx);
      if (await tx.get('resourceRequest', args.id)) throw new DomainError('already_exists', `request ${args.id} exists`, { id: args.id });
      await tx.put('resourceRequest', { ...args, space: ctx.space, requestedBy: ctx.actor.userId, requestedAt: ctx.at, status: 'pending', fills: [], updatedAt: ctx.at });
    },
  ),

  /**
   * Another hospital's answer (imported EDXL-RM response or commit) to a request we sent: recorded on the
   * request, which keeps its own status, since what Logistics does with the answer is its decision.
   */
  'request.recordMutualAidAnswer': defineMutator(z.strictObject({ id: IdSchema, answer: MutualAidAnswerSchema.strict() }), async (tx, args, ctx) => {
    requireLogistics(ctx);
    const found = await request(tx, args.id, ctx);
    if (found.mutualAid) throw new DomainError('invalid_args', `request for ${found.item} came from ${found.mutualAid.from}: answers are recorded on requests we sent`, { field: 'id' });
    const answers = found.mutualAidAnswers ?? [];
    if (answers.some((a) => a.messageId === args.answer.messageId)) {
      throw new DomainError('already_exists', `duplicate: message ${args.answer.messageId} is already recorded on request for ${found.item}`, { id: args.id });
    }
    await tx.put('resourceRequest', { ...found, mutualAidAnswers: [...answers, args.answer], updatedAt: ctx.at });
  }),

  'request.approve': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requireLogistics(ctx);
    const found = await request(tx, args.id, ctx);
    refuseUnless(found, ['pending']);
    await tx.put('resourceRequest', { ...found, status: 'approved', decidedBy: ctx.actor.userId, decidedAt: ctx.at, updatedAt: ctx.at });
  }),

  'request.reject': defineMutator(z.strictObject({ id: IdSchema, reason: z.string().trim().min(1).max(500) }), async (tx, args, ctx) => {
    requireLogistics(ctx);
    const found = await request(tx, args.id, ctx);
    refuseUnless(found, ['pending', 'approved']);
    await tx.put('resourceRequest', { ...found, status: 'rejected', reason: args.reason, decidedBy: ctx.actor.userId, decidedAt: ctx.at, updatedAt: ctx.at });
  }),

  /** Fills part or all of an approved request from one holding; it issues the stock, so it cannot overdraw. */
  'request.fill': defineMutator(z.strictObject({ id: IdSchema, stockId: IdSchema, qty: StockQtySchema }), async (tx, args, ctx) => {
    requireLogistics(ctx);
    const found = await request(tx, args.id, ctx);
    refuseUnless(found, ['approved', 'partially_filled']);
    const outstanding = found.qty - filledQty(found);
    if (args.qty > outstanding) {
      throw new DomainError('invalid_args', `only ${outstanding} of ${found.item} are still outstanding`, { field: 'qty', outstanding });
    }
    const source = await stockLevel(tx, args.stockId, ctx);
    if (source && source.item !== found.item) throw new DomainError('invalid_args', `${source.store} holds ${source.item}, not ${found.item}`, { field: 'stockId' });
    const level = await takeStock(tx, args.stockId, args.qty, 'fill', ctx, found.id);
    const fills = [...found.fills, { at: ctx.at, by: ctx.actor.userId, stockId: level.id, store: level.store, qty: args.qty }];
    const status = filledQty({ fills }) >= found.qty ? 'filled' : 'partially_filled';
    await tx.put('resourceRequest', { ...found, fills, status, updatedAt: ctx.at });
  }),
};
