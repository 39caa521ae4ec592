import { z } from 'zod';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import type { BedCount, StockItem, StockLevel } from '../resources';

/**
 * What a recovery metric measures. Beds and stock are counted from the desk's records (beds from the bed board,
 * stock from holdings against their item's par); elective surgery and anything else are entered by their owner.
 */
export const MetricKindSchema = z.enum(['beds_available', 'stock_at_par', 'elective_surgery', 'other']);
export type MetricKind = z.infer<typeof MetricKindSchema>;
export const computedKinds: readonly MetricKind[] = ['beds_available', 'stock_at_par'];

export const MetricStatusSchema = z.enum(['open', 'in_progress', 'done']);
export type MetricStatus = z.infer<typeof MetricStatusSchema>;

export const MetricValueSchema = z.number().nonnegative().max(1e7);

/**
 * A recovery metric (kind `recoveryMetric`): a target, the value now, an owner and how far it is. `current` is
 * kept only for the kinds entered by hand; the counted kinds are worked out where they are read.
 */
export const RecoveryMetricSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  kind: MetricKindSchema,
  /** The metric's name, for `other` (the counted kinds are named by the UI in the reader's language). */
  label: z.string().trim().max(200).default(''),
  target: MetricValueSchema,
  current: MetricValueSchema.optional(),
  owner: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
  status: MetricStatusSchema,
  doneAt: StoredEpochMsSchema.optional(),
  createdAt: StoredEpochMsSchema,
  updatedAt: StoredEpochMsSchema,
  updatedBy: z.string(),
});
export type RecoveryMetric = z.infer<typeof RecoveryMetricSchema>;

/** A bed line's figures as they were at `at`: its last snapshot then, or its figures now when it has no older one. */
function bedsAt(bed: BedCount, at: number): { available: number } {
  const before = bed.history.filter((s) => s.at <= at);
  const last = before[before.length - 1];
  if (last) return last;
  // A line first recorded after `at` was not there: it adds nothing to the baseline.
  return bed.history.length > 0 || bed.updatedAt > at ? { available: 0 } : bed;
}

/** Available beds as reported now, or as they were at a time (the declaration: the baseline to get back to). */
export function availableBeds(beds: readonly BedCount[], at?: number): number {
  return beds.reduce((n, bed) => n + (at === undefined ? bed : bedsAt(bed, at)).available, 0);
}

/** The share of stocked items (with a par) whose holdings together are at or above par, in whole per cent. */
export function stockAtParPercent(levels: readonly StockLevel[], items: readonly StockItem[]): number | null {
  const stocked = items.filter((i) => i.retiredAt === undefined && i.par > 0);
  if (stocked.length === 0) return null;
  const onHand = new Map<string, number>();
  for (const level of levels) onHand.set(level.item, (onHand.get(level.item) ?? 0) + level.qty);
  const atPar = stocked.filter((i) => (onHand.get(i.name) ?? 0) >= i.par).length;
  return Math.floor((atPar / stocked.length) * 100);
}

export type MetricRecords = { beds: readonly BedCount[]; levels: readonly StockLevel[]; items: readonly StockItem[] };

/** The value a metric shows now: counted from the records for beds and stock, its owner's figure otherwise (null: none yet). */
export function metricCurrent(metric: Pick<RecoveryMetric, 'kind' | 'current'>, records: MetricRecords): number | null {
  if (metric.kind === 'beds_available') return availableBeds(records.beds);
  if (metric.kind === 'stock_at_par') return stockAtParPercent(records.levels, records.items);
  return metric.current ?? null;
}

/** Every recovery metric is "back up to" its target: beds available, stock at par, surgical capacity. */
export function targetMet(current: number | null, target: number): boolean {
  return current !== null && current >= target;
}
