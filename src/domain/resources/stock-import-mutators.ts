import { DomainError } from '../errors';
import { requirePermission } from '../mutation-guards';
import { defineMutator } from '../mutation';
import { checkThresholds } from './catalogue-mutators';
import { withMove } from './stock';
import { fitLotsToCount } from './lots';
import { StockImportArgsSchema } from './stock-import';

/** The all-or-nothing stocktake import; single catalogue entries are edited in catalogue-mutators. */
export const stockImportMutators = {
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
      // A count of a retired item records its stock and leaves it retired: retiring is a decision, not a count.
      const nextItem = { ...item, id: item?.id ?? row.levelId, space: ctx.space, name: row.item, category: row.category, unit: row.unit, par: row.par, yellowAt: row.yellowAt, redAt: row.redAt, updatedAt: ctx.at };
      items.set(row.item, nextItem);
      await tx.put('stockItem', nextItem);
      if (!stores.has(row.store)) {
        const store = { id: row.levelId, space: ctx.space, name: row.store, location: '', updatedAt: ctx.at };
        stores.set(row.store, store);
        await tx.put('store', store);
      }
      const level = levels.get(`${row.item}\u0000${row.store}`);
      const delta = row.qty - (level?.qty ?? 0);
      // A row without the holding-threshold columns keeps the holding's own; with them it sets or clears them.
      const thresholds = row.holdingThresholds === undefined ? level?.thresholds : (row.holdingThresholds ?? undefined);
      await tx.put('stock', {
        id: level?.id ?? row.levelId,
        space: ctx.space,
        item: row.item,
        store: row.store,
        qty: row.qty,
        updatedAt: ctx.at,
        history: delta === 0 && level ? (level.history ?? []) : withMove(level, { at: ctx.at, kind: 'count', qty: delta, by: ctx.actor.userId }),
        ...(thresholds ? { thresholds } : {}),
        // A stocktake counts units, not lots: the lots stay, trimmed to the count if it is below them.
        ...(level?.lots ? { lots: fitLotsToCount(level.lots, row.qty) } : {}),
        ...(level?.parLevels ? { parLevels: level.parLevels } : {}),
      });
    }
  }),
};
