import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';
import { LotDrawSchema, LotSchema } from './lots';
import { ItemReserveSchema } from './reserve-settings';

/** Names a stock item or a store as people say it ("N95 masks", "ED store"); the catalogue matches on it. */
export const StockLabelSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(100);

/** Whole units: stock is counted, never measured. The ceiling keeps sums far inside exact JS integers. */
export const StockQtySchema = z.number().int().positive().max(1_000_000_000);
export const StockCountSchema = z.number().int().nonnegative().max(1_000_000_000);

/** The reserve categories a hospital keeps for emergencies: protective equipment, drugs incl. TCM, oxygen... */
export const StockCategorySchema = z.enum(['ppe', 'drugs', 'tcm', 'oxygen', 'blood', 'ventilators', 'equipment', 'food_water', 'other']);
export type StockCategory = z.infer<typeof StockCategorySchema>;

/**
 * A catalogue entry. Its `yellowAt`/`redAt` are the defaults for every holding of the item: a level at or below
 * `redAt` is red, at or below `yellowAt` yellow, else green. A holding may set its own (StockLevel.thresholds),
 * since 40 masks is plenty for a ward store and a crisis for the central store.
 */
export const StockItemSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  name: StockLabelSchema,
  category: StockCategorySchema,
  unit: z.string().trim().min(1).max(40),
  par: StockCountSchema,
  yellowAt: StockCountSchema,
  redAt: StockCountSchema,
  updatedAt: StoredEpochMsSchema,
  /** Set when the item is no longer stocked: kept for its history, offered for no new receipt or issue. */
  retiredAt: StoredEpochMsSchema.optional(),
  /** Reserve quotas by level and the planned burn rate (reserve-settings.ts); absent until someone sets one. */
  reserve: ItemReserveSchema.optional(),
});
export type StockItem = z.infer<typeof StockItemSchema>;

export const StoreSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  name: StockLabelSchema,
  location: z.string().trim().max(200).default(''),
  updatedAt: StoredEpochMsSchema,
  /** Set when the store is closed: nothing goes in or is issued from it; its stock may be transferred out. */
  retiredAt: StoredEpochMsSchema.optional(),
});
export type Store = z.infer<typeof StoreSchema>;

export const StockMoveKindSchema = z.enum(['receive', 'issue', 'transfer_in', 'transfer_out', 'count', 'fill']);

/** One movement of a holding; `qty` is the change (issues are positive amounts of kind issue/transfer_out/fill). */
export const StockMoveSchema = z.object({
  at: StoredEpochMsSchema,
  kind: StockMoveKindSchema,
  qty: z.number().int(),
  by: z.string().max(100),
  ref: z.string().max(64).optional(),
  /** The lots a receipt added or an issue drew (FEFO), so each box can be traced; absent for stock without lots. */
  lots: z.array(LotDrawSchema).optional(),
});
export type StockMove = z.infer<typeof StockMoveSchema>;

/** Enough history for a 7-day burn rate at a busy store, while keeping each synced row small. */
export const STOCK_HISTORY_LIMIT = 200;

/**
 * A holding's own yellow/red thresholds. Red at or below yellow, so a level can never be red without having been
 * yellow; the refinement names `redAt`, the field the user has to change.
 */
export const StockThresholdsSchema = z
  .strictObject({ yellowAt: StockCountSchema, redAt: StockCountSchema })
  .refine((t) => t.redAt <= t.yellowAt, { path: ['redAt'], message: 'the red threshold must not be above the yellow one' });
export type StockThresholds = z.infer<typeof StockThresholdsSchema>;

/** How much of one item one store holds. The invariant the sync model must keep: `qty` never drops below zero. */
export const StockLevelSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  item: StockLabelSchema,
  store: StockLabelSchema,
  qty: z.number().int().nonnegative(),
  updatedAt: StoredEpochMsSchema,
  // Optional so rows written before the history existed, and writers that only know qty, still parse.
  history: z.array(StockMoveSchema).optional(),
  /** The holding's own thresholds; absent, the item's defaults apply (rows written before this field included). */
  thresholds: z.object({ yellowAt: StockCountSchema, redAt: StockCountSchema }).optional(),
  /** Lots with expiry, in FEFO order; their sum never exceeds `qty` (the rest is stock without a lot). */
  lots: z.array(LotSchema).optional(),
  /** The holding's par and reorder point, for restocking; absent: none set. */
  parLevels: z.object({ par: StockCountSchema, reorderAt: StockCountSchema }).optional(),
});
export type StockLevel = z.infer<typeof StockLevelSchema>;

export function withMove(level: Pick<StockLevel, 'history'> | undefined, move: StockMove): StockMove[] {
  return [...(level?.history ?? []), move].slice(-STOCK_HISTORY_LIMIT);
}
