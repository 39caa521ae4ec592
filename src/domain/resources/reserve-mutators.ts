import { z } from 'zod';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { ParLevelsSchema, PlannedBurnSchema, ReserveLevelSchema, ReserveQuotaSchema } from './reserve-settings';
import { stockLevel } from './stock-mutators';
import type { StockItem } from './stock';

async function catalogueItem(tx: Tx, id: string, ctx: MutationContext): Promise<StockItem> {
  const item = await tx.get('stockItem', id);
  if (!item) throw new DomainError('not_found', `item ${id} does not exist`, { id });
  if (item.space !== ctx.space) throw new DomainError('space_mismatch', `item ${id} is in another space`);
  return item;
}

/**
 * Reserve quotas, planned burn and par levels. The permission is the one the resources feature asks for every stock
 * and catalogue edit (`incident.write`): Logistics staff keep the stores, and HICS staff swap seats.
 * Each mutator reads the entry and changes one field of it, so two desks setting different levels' quotas both stand.
 */
export const reserveMutators = {
  /** Sets the quota of one item at one level, or with `quota: null` removes it (the standing one applies then). */
  'stock.setReserveQuota': defineMutator(
    z.strictObject({ itemId: IdSchema, level: ReserveLevelSchema, quota: ReserveQuotaSchema.nullable() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const item = await catalogueItem(tx, args.itemId, ctx);
      const { [args.level]: _previous, ...quotas } = item.reserve?.quotas ?? {};
      const reserve = { ...item.reserve, quotas: args.quota ? { ...quotas, [args.level]: args.quota } : quotas };
      await tx.put('stockItem', { ...item, reserve, updatedAt: ctx.at });
    },
  ),

  /** The use per day to plan with while there are no issues to measure; null clears it. */
  'stock.setPlannedBurn': defineMutator(
    z.strictObject({ itemId: IdSchema, perDay: PlannedBurnSchema.nullable() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const item = await catalogueItem(tx, args.itemId, ctx);
      const { plannedBurnPerDay: _previous, ...rest } = item.reserve ?? { quotas: {} };
      const reserve = { ...rest, quotas: rest.quotas, ...(args.perDay === null ? {} : { plannedBurnPerDay: args.perDay }) };
      await tx.put('stockItem', { ...item, reserve, updatedAt: ctx.at });
    },
  ),

  /** A holding's par and reorder point; null clears them. */
  'stock.setParLevels': defineMutator(
    z.strictObject({ id: IdSchema, parLevels: ParLevelsSchema.nullable() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const level = await stockLevel(tx, args.id, ctx);
      if (!level) throw new DomainError('not_found', `stock level ${args.id} does not exist`, { id: args.id });
      const { parLevels: _previous, ...rest } = level;
      await tx.put('stock', { ...rest, ...(args.parLevels ? { parLevels: args.parLevels } : {}), updatedAt: ctx.at });
    },
  ),
};
