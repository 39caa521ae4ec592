import { z } from 'zod';
import { IdSchema, SpaceIdSchema } from '../domain/ids';
import { DaySchema } from '../domain/warning/daily-series';
import { ObservationValueSchema } from '../domain/warning/indicators';
import { MutationResultSchema } from './sync';

/**
 * `POST /api/feeds/observations`: a laboratory or pharmacy system sends surveillance figures without a desk.
 * Idempotent by indicator and day: a figure sent again changes nothing, a different one corrects the day
 * (its revision goes up). Each is checked and applied like a desk's `observation.record`, alerts included: a
 * weekly indicator's figure must be dated by its ISO week's Monday, and another day is rejected by name.
 */
export const FeedObservationsRequestSchema = z.strictObject({
  space: SpaceIdSchema,
  observations: z.array(z.strictObject({ indicatorId: IdSchema, date: DaySchema, value: ObservationValueSchema })).min(1).max(1000),
});
export type FeedObservationsRequest = z.infer<typeof FeedObservationsRequestSchema>;

/** One result per observation, in order: `applied` (or unchanged), or `rejected` with the domain's code and reason. */
export const FeedObservationsResponseSchema = z.object({
  results: z.array(z.object({ indicatorId: IdSchema, date: DaySchema, status: MutationResultSchema.shape.status, code: MutationResultSchema.shape.code, message: z.string().optional() })),
});
export type FeedObservationsResponse = z.infer<typeof FeedObservationsResponseSchema>;
