import { z } from 'zod';
import { derivedId, IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { BasePlaceIdSchema } from '../map';
import { DaySchema } from './daily-series';
import { DetectionMethodSchema } from './detection-methods';
import { FrequencySchema } from './periods';

/** Where a surveillance signal comes from: the channels multi-point triggering pools. */
export const IndicatorSourceSchema = z.enum([
  'ed_syndrome',
  'fever_clinic',
  'lab_positive',
  'pharmacy_otc',
  'staff_absence',
  'school_absence',
  'icu_occupancy',
  'community_report',
  'notifiable_case',
]);
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;

export const IndicatorNameSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);
/** Alerts of one syndrome group within a few days are one thread (alert fatigue: CIDARS's 1.24 % true signals). */
export const SyndromeGroupSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(60);

/** One surveillance series and how it is judged (kind `indicator`). Evaluated on each entry. */
export const IndicatorSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  name: IndicatorNameSchema,
  source: IndicatorSourceSchema,
  unit: z.string().trim().max(40),
  measure: z.enum(['count', 'percent']),
  /**
   * Daily or weekly. Optional on the row, read through `frequencyOf`: rows from before the field, and rows an
   * older desk rewrote (its schema strips the key), are daily. No migration: that reading is the migration.
   */
  frequency: FrequencySchema.optional(),
  method: DetectionMethodSchema,
  /** The method's parameters as set; the method's defaults fill what is not set (detection-methods.ts). */
  params: z.record(z.string(), z.number()),
  group: SyndromeGroupSchema,
  /** The district whose colour this indicator feeds on the region map, if any. */
  districtId: BasePlaceIdSchema.optional(),
  enabled: z.boolean(),
  updatedAt: StoredEpochMsSchema,
  updatedBy: z.string(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ObservationValueSchema = z.number().min(0, { message: 'must be zero or more' }).max(1_000_000_000).finite();

/**
 * One period's value of one indicator (kind `observation`): a day's, or a week's dated by its Monday. Its id is
 * derived from the indicator and the date, so the
 * same day entered on two desks, or sent twice by a feed, is one row: a second entry is refused unless it replaces.
 */
export const ObservationSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  indicatorId: IdSchema,
  date: DaySchema,
  value: ObservationValueSchema,
  via: z.enum(['manual', 'import', 'feed']),
  enteredAt: StoredEpochMsSchema,
  enteredBy: z.string(),
  /** 1 for the first entry; each replacement adds one, so a corrected figure shows as corrected. */
  revision: z.number().int().min(1),
});
export type Observation = z.infer<typeof ObservationSchema>;

export function observationId(space: string, indicatorId: string, date: string): string {
  return derivedId(space, 'observation', indicatorId, date);
}
