import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';

/** HAvBED bed types (the categories EDXL-HAVE exchanges between hospitals and authorities). */
export const BedTypeSchema = z.enum([
  'adult_icu',
  'pediatric_icu',
  'medical_surgical',
  'burn',
  'psychiatric',
  'negative_pressure_isolation',
  'operating_rooms',
  'emergency_department',
]);
export type BedType = z.infer<typeof BedTypeSchema>;

export const BedFigureSchema = z.enum(['staffed', 'occupied', 'available', 'surge']);
export type BedFigure = z.infer<typeof BedFigureSchema>;

const Count = z.number().int().nonnegative().max(100_000);
const Snapshot = z.object({ at: StoredEpochMsSchema, staffed: Count, occupied: Count, available: Count, surge: Count });

/**
 * One unit's beds of one type. Staffed beds, not licensed ones, are what can take a patient (a licensed
 * bed without staff takes nobody, which is why HAvBED counts staffed beds); each
 * figure keeps when it last changed so a stale figure shows as stale.
 */
export const BedCountSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  unit: z.string().trim().min(1).max(100),
  type: BedTypeSchema,
  staffed: Count,
  occupied: Count,
  available: Count,
  surge: Count,
  changedAt: z.object({ staffed: StoredEpochMsSchema, occupied: StoredEpochMsSchema, available: StoredEpochMsSchema, surge: StoredEpochMsSchema }),
  updatedBy: z.string().max(100),
  updatedAt: StoredEpochMsSchema,
  history: z.array(Snapshot).default([]),
});
export type BedCount = z.infer<typeof BedCountSchema>;

export const BED_HISTORY_LIMIT = 200;

/**
 * A report followed within this time by the same person's next report on the same line is one report being
 * corrected (a slip of the finger, a figure typed in the wrong cell), so the history keeps only the later figure:
 * otherwise the "beds over time" chart shows a spike nobody meant (issue 13, item 7).
 */
export const BED_REPORT_WINDOW_MS = 60_000;

/** Available is derived (staffed minus occupied, never below zero), so the figures cannot disagree. */
export const availableBeds = (staffed: number, occupied: number) => Math.max(0, staffed - occupied);

export const BedSummaryRowSchema = z.object({ type: BedTypeSchema, units: z.number(), staffed: z.number(), occupied: z.number(), available: z.number(), surge: z.number(), oldestChange: z.number().nullable() });
export type BedSummaryRow = z.infer<typeof BedSummaryRowSchema>;

/** The facility summary: figures per bed type, and the oldest figure behind each line. */
export function bedSummary(beds: readonly BedCount[]): BedSummaryRow[] {
  return BedTypeSchema.options.map((type) => {
    const rows = beds.filter((b) => b.type === type);
    const sum = (f: BedFigure) => rows.reduce((n, b) => n + b[f], 0);
    const oldest = rows.flatMap((b) => Object.values(b.changedAt));
    return { type, units: rows.length, staffed: sum('staffed'), occupied: sum('occupied'), available: sum('available'), surge: sum('surge'), oldestChange: oldest.length ? Math.min(...oldest) : null };
  });
}

/** Available beds by type at each change, for the "beds over time" chart. */
export function bedsOverTime(beds: readonly BedCount[]): { at: number; available: Record<BedType, number> }[] {
  const times = [...new Set(beds.flatMap((b) => b.history.map((h) => h.at)))].sort((a, b) => a - b);
  return times.map((at) => {
    const available = Object.fromEntries(BedTypeSchema.options.map((t) => [t, 0])) as Record<BedType, number>;
    for (const bed of beds) {
      const last = bed.history.filter((h) => h.at <= at).at(-1);
      if (last) available[bed.type] += last.available;
    }
    return { at, available };
  });
}

export type BedStatus = 'green' | 'yellow' | 'red';

/** Three colours for a line: none available is red; a tenth of staffed beds or fewer (at most two) is yellow. */
export function bedStatus(available: number, staffed: number): BedStatus {
  if (available === 0) return 'red';
  return available <= Math.max(2, Math.floor(staffed / 10)) ? 'yellow' : 'green';
}
