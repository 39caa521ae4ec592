import { z } from 'zod';
import { DomainError } from './errors';
import { IdSchema } from './ids';
import { requirePermission } from './incident-mutators';
import { defineMutator, type MutationContext, type Tx } from './mutation';
import { StockLabelSchema, StockQtySchema, type StockLevel } from './stock';

async function stockLevel(tx: Tx, id: string, ctx: MutationContext): Promise<StockLevel | undefined> {
  const level = await tx.get('stock', id);
  if (level && level.space !== ctx.space) throw new DomainError('space_mismatch', `stock level ${id} is in another space`);
  return level;
}

// Stock has no permission of its own yet: anyone who may write to the incident may count supplies. The
// resources feature will add logistics permissions.
export const stockMutators = {
  'stock.receive': defineMutator(
    z.strictObject({ id: IdSchema, item: StockLabelSchema, store: StockLabelSchema, qty: StockQtySchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const level = await stockLevel(tx, args.id, ctx);
      if (level && (level.item !== args.item || level.store !== args.store)) {
        throw new DomainError('invalid_args', `stock level ${args.id} holds ${level.item} in ${level.store}`, { id: args.id });
      }
      // Reads the current quantity and adds to it, so concurrent receipts and issues compose in server order.
      await tx.put('stock', {
        id: args.id,
        space: ctx.space,
        item: args.item,
        store: args.store,
        qty: (level?.qty ?? 0) + args.qty,
        updatedAt: ctx.at,
      });
    },
  ),

  'stock.issue': defineMutator(z.strictObject({ id: IdSchema, qty: StockQtySchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const level = await stockLevel(tx, args.id, ctx);
    if (!level) throw new DomainError('not_found', `stock level ${args.id} does not exist`, { id: args.id });
    if (level.qty < args.qty) {
      throw new DomainError('stock_negative', `only ${level.qty} ${level.item} in ${level.store}, cannot issue ${args.qty}`, {
        item: level.item,
        store: level.store,
        onHand: level.qty,
        requested: args.qty,
      });
    }
    await tx.put('stock', { ...level, qty: level.qty - args.qty, updatedAt: ctx.at });
  }),
};
