import { z } from 'zod';
import { EpochMsSchema, IdSchema, SpaceIdSchema } from './ids';

/** Names a stock item or a store as people say it ("N95 masks", "ED store"); a catalogue comes later. */
export const StockLabelSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(100);

/** Whole units: stock is counted, never measured. The ceiling keeps sums far inside exact JS integers. */
export const StockQtySchema = z.number().int().positive().max(1_000_000_000);

/** How much of one item one store holds. The invariant the sync model must keep: `qty` never drops below zero. */
export const StockLevelSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  item: StockLabelSchema,
  store: StockLabelSchema,
  qty: z.number().int().nonnegative(),
  updatedAt: EpochMsSchema,
});
export type StockLevel = z.infer<typeof StockLevelSchema>;
