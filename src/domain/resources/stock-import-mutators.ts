import { z } from 'zod';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { StockCategorySchema, StockCountSchema, StockLabelSchema, withMove, type StockItem } from './stock';
import { StockImportArgsSchema } from './stock-import';

const ItemArgsSchema = z.strictObject({
  id: IdSchema,
  name: StockLabelSchema,
  category: StockCategorySchema,
  unit: z.string().trim().min(1).max(40),
  par: StockCountSchema,
  yellowAt: StockCountSchema,
  redAt: StockCountSchema,
});

function checkThresholds(item: Pick<StockItem, 'name' | 'yellowAt' | 'redAt'>): void {
  if (item.redAt > item.yellowAt) {
    throw new DomainError('invalid_args', `${item.name}: red threshold ${item.redAt} is above yellow ${item.yellowAt}`, { field: 'redAt' });
  }
}

async function sameName(tx: Tx, kind: 'stockItem' | 'store', name: string, ctx: MutationContext) {
  const [first] = await tx.query(kind, ctx.space, { where: { name } });
  return first;
}

/** The catalogue (items, stores) and the all-or-nothing import. */
export const stockImportMutators = {
  'stock.saveItem': defineMutator(ItemArgsSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    checkThresholds(args);
    const existing = await tx.get('stockItem', args.id);
    if (existing && existing.space !== ctx.space) throw new DomainError('space_mismatch', `item ${args.id} is in another space`);
    const clash = await sameName(tx, 'stockItem', args.name, ctx);
    if (clash && clash.id !== args.id) throw new DomainError('already_exists', `an item named ${args.name} exists`, { id: clash.id });
    // Renaming would orphan holdings, which are keyed by the item's name.
    if (existing && existing.name !== args.name) throw new DomainError('invalid_args', `item ${existing.name} cannot be renamed`, { field: 'name' });
    await tx.put('stockItem', { ...args, space: ctx.space, updatedAt: ctx.at });
  }),

  'stock.saveStore': defineMutator(
    z.strictObject({ id: IdSchema, name: StockLabelSchema, location: z.string().trim().max(200).default('') }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const clash = await sameName(tx, 'store', args.name, ctx);
      if (clash && clash.id !== args.id) throw new DomainError('already_exists', `a store named ${args.name} exists`, { id: clash.id });
      await tx.put('store', { ...args, space: ctx.space, updatedAt: ctx.at });
    },
  ),

  /**
   * A stocktake from a file: items and stores are matched by name and created when new, holdings are set to the
   * counted quantity. Every row is checked before the first write, so a bad file changes nothing.
   */
  'stock.import': defineMutator(StockImportArgsSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const seen = new Set<string>();
    args.rows.forEach((row, index) => {
      checkThresholds({ name: `row ${index + 2}`, yellowAt: row.yellowAt, redAt: row.redAt });
      const key = `${row.item}\u0000${row.store}`;
      if (seen.has(key)) throw new DomainError('invalid_args', `row ${index + 2}: ${row.item} in ${row.store} appears twice`, { row: index + 2 });
      seen.add(key);
    });
    const items = new Map((await tx.query('stockItem', ctx.space)).map((i) => [i.name, i]));
    const stores = new Map((await tx.query('store', ctx.space)).map((s) => [s.name, s]));
    const levels = new Map((await tx.query('stock', ctx.space)).map((l) => [`${l.item}\u0000${l.store}`, l]));
    for (const row of args.rows) {
      if (await tx.get('stock', row.levelId)) {
        const existing = levels.get(`${row.item}\u0000${row.store}`);
        if (existing?.id !== row.levelId) throw new DomainError('already_exists', `stock level ${row.levelId} exists`, { id: row.levelId });
      }
    }
    for (const row of args.rows) {
      // New catalogue entries borrow the id of the first row that names them: unique, and the same on every replica.
      const item = items.get(row.item);
      const nextItem = { id: item?.id ?? row.levelId, space: ctx.space, name: row.item, category: row.category, unit: row.unit, par: row.par, yellowAt: row.yellowAt, redAt: row.redAt, updatedAt: ctx.at };
      items.set(row.item, nextItem);
      await tx.put('stockItem', nextItem);
      if (!stores.has(row.store)) {
        const store = { id: row.levelId, space: ctx.space, name: row.store, location: '', updatedAt: ctx.at };
        stores.set(row.store, store);
        await tx.put('store', store);
      }
      const level = levels.get(`${row.item}\u0000${row.store}`);
      const delta = row.qty - (level?.qty ?? 0);
      await tx.put('stock', {
        id: level?.id ?? row.levelId,
        space: ctx.space,
        item: row.item,
        store: row.store,
        qty: row.qty,
        updatedAt: ctx.at,
        history: delta === 0 && level ? (level.history ?? []) : withMove(level, { at: ctx.at, kind: 'count', qty: delta, by: ctx.actor.userId }),
      });
    }
  }),
};
