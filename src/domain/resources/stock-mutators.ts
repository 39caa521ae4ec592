import { z } from 'zod';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { StockLabelSchema, StockQtySchema, StockThresholdsSchema, withMove, type StockLevel, type StockMove } from './stock';
import { addDraws, addLot, ExpiryDateSchema, fefoPick, LotNoSchema, usableQty, type LotDraw } from './lots';
import { requireInService } from './catalogue-mutators';

export async function stockLevel(tx: Tx, id: string, ctx: MutationContext): Promise<StockLevel | undefined> {
  const level = await tx.get('stock', id);
  if (level && level.space !== ctx.space) throw new DomainError('space_mismatch', `stock level ${id} is in another space`);
  return level;
}

/** Takes `qty` out of a holding or refuses with the numbers the user needs to see; shared by issue, transfer and fill. */
export async function takeStock(tx: Tx, id: string, qty: number, kind: StockMove['kind'], ctx: MutationContext, ref?: string): Promise<StockLevel> {
  const level = await stockLevel(tx, id, ctx);
  if (!level) throw new DomainError('not_found', `stock level ${id} does not exist`, { id });
  // Issues and request fills use stock up; a transfer checks its own ends (out of a retired store is allowed).
  if (kind !== 'transfer_out') await requireInService(tx, level, ctx);
  if (level.qty < qty) {
    throw new DomainError('stock_negative', `only ${level.qty} ${level.item} in ${level.store}, cannot issue ${qty}`, {
      item: level.item,
      store: level.store,
      onHand: level.qty,
      requested: qty,
    });
  }
  const pick = fefoPick(level, qty, ctx.at);
  if (!pick) {
    throw new DomainError('stock_expired', `${level.item} in ${level.store}: cannot issue ${qty}, the rest has expired`, {
      item: level.item,
      store: level.store,
      usable: usableQty(level, ctx.at),
      requested: qty,
    });
  }
  // Stock without lots keeps its rows as they were: no empty list, no draw record naming no lot.
  const tracked = level.lots !== undefined;
  const move: StockMove = { at: ctx.at, kind, qty, by: ctx.actor.userId, ...(ref ? { ref } : {}), ...(tracked ? { lots: pick.draws } : {}) };
  const { lots: _previous, ...rest } = level;
  const next = { ...rest, qty: level.qty - qty, updatedAt: ctx.at, history: withMove(level, move), ...(tracked ? { lots: pick.lots } : {}) };
  await tx.put('stock', next);
  return next;
}

type Arrival = { lot: { lotNo: string; expiresOn?: string | undefined } } | { draws: LotDraw[] } | Record<string, never>;

async function addStock(tx: Tx, args: { id: string; item: string; store: string; qty: number }, kind: StockMove['kind'], ctx: MutationContext, ref?: string, arrival: Arrival = {}): Promise<void> {
  const level = await stockLevel(tx, args.id, ctx);
  if (level && (level.item !== args.item || level.store !== args.store)) {
    throw new DomainError('invalid_args', `stock level ${args.id} holds ${level.item} in ${level.store}`, { id: args.id });
  }
  let lots = level?.lots;
  let drawn: LotDraw[] | undefined;
  if ('lot' in arrival) {
    const { lotNo, expiresOn } = arrival.lot;
    lots = addLot(lots ?? [], { lotNo, ...(expiresOn ? { expiresOn } : {}), qty: args.qty, receivedAt: ctx.at });
    drawn = [{ lotNo, ...(expiresOn ? { expiresOn } : {}), qty: args.qty }];
  } else if ('draws' in arrival && arrival.draws.some((d) => d.lotNo !== null)) {
    lots = addDraws(lots ?? [], arrival.draws, ctx.at);
    drawn = arrival.draws;
  }
  const move: StockMove = { at: ctx.at, kind, qty: args.qty, by: ctx.actor.userId, ...(ref ? { ref } : {}), ...(drawn ? { lots: drawn } : {}) };
  // Reads the current quantity and adds to it, so concurrent receipts and issues compose in server order; the
  // holding's own thresholds ride along (spread), a receipt is no reason to forget them.
  await tx.put('stock', {
    ...level,
    id: args.id,
    space: ctx.space,
    item: args.item,
    store: args.store,
    qty: (level?.qty ?? 0) + args.qty,
    updatedAt: ctx.at,
    history: withMove(level, move),
    ...(lots ? { lots } : {}),
  });
}

// Anyone who may write to the incident may count supplies: HICS staff swap seats; approvals are Logistics'.
export const stockMutators = {
  /** A receipt; with `lot` it is recorded as that lot (number and expiry), which FEFO issues then draw from. */
  'stock.receive': defineMutator(
    z.strictObject({
      id: IdSchema,
      item: StockLabelSchema,
      store: StockLabelSchema,
      qty: StockQtySchema,
      lot: z.strictObject({ lotNo: LotNoSchema, expiresOn: ExpiryDateSchema.optional() }).optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await requireInService(tx, args, ctx);
      await addStock(tx, args, 'receive', ctx, undefined, args.lot ? { lot: args.lot } : {});
    },
  ),

  'stock.issue': defineMutator(z.strictObject({ id: IdSchema, qty: StockQtySchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    await takeStock(tx, args.id, args.qty, 'issue', ctx);
  }),

  /** Moves stock between stores; `toId` is the receiving holding, created by the caller's id when it is new. */
  'stock.transfer': defineMutator(
    z.strictObject({ id: IdSchema, toId: IdSchema, toStore: StockLabelSchema, qty: StockQtySchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      if (args.id === args.toId) throw new DomainError('invalid_args', 'a transfer needs two different holdings', { id: args.id });
      // Out of a retired store is allowed: moving what is left elsewhere is how a closed store is emptied.
      const source = await stockLevel(tx, args.id, ctx);
      if (source) await requireInService(tx, { item: source.item, store: args.toStore }, ctx);
      const from = await takeStock(tx, args.id, args.qty, 'transfer_out', ctx, args.toId);
      if (from.store === args.toStore) throw new DomainError('invalid_args', `${from.item} is already in ${args.toStore}`, { id: args.id });
      // The lots travel with the stock: the receiving store issues them by the same expiry.
      const draws = from.history?.at(-1)?.lots ?? [];
      await addStock(tx, { id: args.toId, item: from.item, store: args.toStore, qty: args.qty }, 'transfer_in', ctx, args.id, { draws });
    },
  ),

  /**
   * Sets one holding's own yellow/red thresholds, or with `thresholds: null` clears them so the item's defaults
   * apply again. Who may count stock may say when it is low: Logistics staff at a store know its use best.
   */
  'stock.setThresholds': defineMutator(
    z.strictObject({ id: IdSchema, thresholds: StockThresholdsSchema.nullable() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const level = await stockLevel(tx, args.id, ctx);
      if (!level) throw new DomainError('not_found', `stock level ${args.id} does not exist`, { id: args.id });
      const { thresholds: _previous, ...rest } = level;
      await tx.put('stock', { ...rest, ...(args.thresholds ? { thresholds: args.thresholds } : {}), updatedAt: ctx.at });
    },
  ),
};
