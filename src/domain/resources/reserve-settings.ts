import { z } from 'zod';

/**
 * The level a reserve quota applies at: the standing reserve kept in normal times, and one per response level
 * (IV lowest, I highest), since reserves are tiered by the level of response (wave-2 research §5).
 */
export const ReserveLevelSchema = z.enum(['standing', 'IV', 'III', 'II', 'I']);
export type ReserveLevel = z.infer<typeof ReserveLevelSchema>;

/** A quota as units on hand, or as days of supply at the burn rate ("30 days of PPE at full load"). */
export const ReserveQuotaSchema = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('units'), amount: z.number().int().nonnegative().max(1_000_000_000) }),
  z.strictObject({ basis: z.literal('days'), amount: z.number().int().nonnegative().max(3650) }),
]);
export type ReserveQuota = z.infer<typeof ReserveQuotaSchema>;

/** A planned use per day, for items with no recent issues (a reserve kept for a surge is by design rarely used). */
export const PlannedBurnSchema = z.number().positive().max(1_000_000_000);

/** An item's reserve settings, kept on its catalogue entry: one item, one set of quotas, whoever edits them. */
export const ItemReserveSchema = z.object({
  quotas: z.partialRecord(ReserveLevelSchema, ReserveQuotaSchema),
  plannedBurnPerDay: PlannedBurnSchema.optional(),
});
export type ItemReserve = z.infer<typeof ItemReserveSchema>;

/** A holding's par (the level to restock to) and reorder point; reorder at or below `reorderAt`. */
export const ParLevelsSchema = z
  .strictObject({ par: z.number().int().nonnegative().max(1_000_000_000), reorderAt: z.number().int().nonnegative().max(1_000_000_000) })
  .refine((p) => p.reorderAt <= p.par, { path: ['reorderAt'], message: 'the reorder point must not be above par' });
export type ParLevels = z.infer<typeof ParLevelsSchema>;
