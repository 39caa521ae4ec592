import { z } from 'zod';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { withRetired } from '../retirement';
import { StockCategorySchema, StockCountSchema, StockLabelSchema, type StockItem, type Store } from './stock';

export const ItemArgsSchema = z.strictObject({
  id: IdSchema,
  name: StockLabelSchema,
  category: StockCategorySchema,
  unit: z.string().trim().min(1).max(40),
  par: StockCountSchema,
  yellowAt: StockCountSchema,
  redAt: StockCountSchema,
});

const StoreArgsSchema = z.strictObject({ id: IdSchema, name: StockLabelSchema, location: z.string().trim().max(200).default('') });
const RetireArgsSchema = z.strictObject({ id: IdSchema, retired: z.boolean() });

export function checkThresholds(item: Pick<StockItem, 'name' | 'yellowAt' | 'redAt'>): void {
  if (item.redAt > item.yellowAt) {
    throw new DomainError('invalid_args', `${item.name}: red threshold ${item.redAt} is above yellow ${item.yellowAt}`, { field: 'redAt' });
  }
}

type CatalogueKind = 'stockItem' | 'store';

async function inSpace<K extends CatalogueKind>(tx: Tx, kind: K, id: string, ctx: MutationContext) {
  const existing = await tx.get(kind, id);
  if (existing && existing.space !== ctx.space) throw new DomainError('space_mismatch', `${kind} ${id} is in another space`);
  return existing;
}

/**
 * Refuses a name another entry of the same kind holds, and a rename while stock is held under the old name:
 * holdings are keyed by the item's and the store's names, so a rename would leave them under a name nobody has.
 */
async function checkName(tx: Tx, kind: CatalogueKind, args: { id: string; name: string }, existing: StockItem | Store | undefined, ctx: MutationContext): Promise<void> {
  const [clash] = await tx.query(kind, ctx.space, { where: { name: args.name } });
  if (clash && clash.id !== args.id) throw new DomainError('name_taken', `${kind} name ${args.name} is taken`, { name: args.name });
  if (!existing || existing.name === args.name) return;
  const [held] = await tx.query('stock', ctx.space, { where: kind === 'stockItem' ? { item: existing.name } : { store: existing.name } });
  if (held) throw new DomainError('invalid_args', `${existing.name} holds stock and cannot be renamed`, { field: 'name' });
}

/**
 * Refuses new stock movements of a retired item or through a retired store. Names not in the catalogue pass:
 * holdings were recorded by name before there was a catalogue, and an import creates entries as it goes.
 */
export async function requireInService(tx: Tx, names: { item?: string; store?: string }, ctx: MutationContext): Promise<void> {
  const checks: [CatalogueKind, string | undefined][] = [['stockItem', names.item], ['store', names.store]];
  for (const [kind, name] of checks) {
    if (name === undefined) continue;
    const [entry] = await tx.query(kind, ctx.space, { where: { name } });
    if (entry?.retiredAt !== undefined) throw new DomainError('retired', `${name} is retired`, { name });
  }
}

/** Adding, editing, retiring and restoring catalogue entries; a retired entry keeps its history. */
export const catalogueMutators = {
  'stock.saveItem': defineMutator(ItemArgsSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    checkThresholds(args);
    const existing = await inSpace(tx, 'stockItem', args.id, ctx);
    await checkName(tx, 'stockItem', args, existing, ctx);
    await tx.put('stockItem', { ...existing, ...args, space: ctx.space, updatedAt: ctx.at });
  }),

  'stock.saveStore': defineMutator(StoreArgsSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const existing = await inSpace(tx, 'store', args.id, ctx);
    await checkName(tx, 'store', args, existing, ctx);
    await tx.put('store', { ...existing, ...args, space: ctx.space, updatedAt: ctx.at });
  }),

  'stock.setItemRetired': defineMutator(RetireArgsSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const item = await inSpace(tx, 'stockItem', args.id, ctx);
    if (!item) throw new DomainError('not_found', `item ${args.id} does not exist`, { id: args.id });
    await tx.put('stockItem', withRetired(item, args.retired, ctx.at));
  }),

  'stock.setStoreRetired': defineMutator(RetireArgsSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const store = await inSpace(tx, 'store', args.id, ctx);
    if (!store) throw new DomainError('not_found', `store ${args.id} does not exist`, { id: args.id });
    await tx.put('store', withRetired(store, args.retired, ctx.at));
  }),
};
