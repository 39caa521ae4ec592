import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';
import { DeadlineReportSchema, ReportCategorySchema } from './reporting-deadlines';

export const IncidentTypeSchema = z.enum([
  'mass_casualty',
  'infectious_disease',
  'fire_evacuation',
  'utility_failure',
  'it_cyber',
  'severe_weather',
  'other',
]);
export type IncidentType = z.infer<typeof IncidentTypeSchema>;

/** China's four grades of public health emergency: I is the most serious. */
export const ResponseLevelSchema = z.enum(['I', 'II', 'III', 'IV']);
export type ResponseLevel = z.infer<typeof ResponseLevelSchema>;

export const responseLevelColour: Record<ResponseLevel, 'red' | 'orange' | 'yellow' | 'blue'> = {
  I: 'red',
  II: 'orange',
  III: 'yellow',
  IV: 'blue',
};

export const IncidentStatusSchema = z.enum(['active', 'demobilising', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/**
 * What happened to the incident itself, kept on its row: level and period changes are few (tens per incident),
 * and appending inside the row composes in server order without ids the client and server would have to agree on.
 */
export const IncidentEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('declared'), at: StoredEpochMsSchema, by: z.string(), level: ResponseLevelSchema }),
  z.object({
    type: z.literal('level_changed'),
    at: StoredEpochMsSchema,
    by: z.string(),
    from: ResponseLevelSchema,
    to: ResponseLevelSchema,
    reason: z.string(),
  }),
  z.object({ type: z.literal('period_started'), at: StoredEpochMsSchema, by: z.string(), period: z.number().int().min(1), hours: z.number().int() }),
  z.object({
    type: z.literal('status_changed'),
    at: StoredEpochMsSchema,
    by: z.string(),
    from: IncidentStatusSchema,
    to: IncidentStatusSchema,
    reason: z.string(),
  }),
]);
export type IncidentEvent = z.infer<typeof IncidentEventSchema>;

export const IncidentNameSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);

export const IncidentSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  name: IncidentNameSchema,
  type: IncidentTypeSchema,
  level: ResponseLevelSchema,
  status: IncidentStatusSchema,
  location: z.string().trim().max(200),
  discoveredAt: StoredEpochMsSchema,
  declaredAt: StoredEpochMsSchema,
  declaredBy: z.string().min(1),
  /** Operational periods are often 12 h; each has its own objectives and assignments. */
  periodHours: z.number().int().min(1).max(72),
  period: z.number().int().min(1),
  periodStartedAt: StoredEpochMsSchema,
  updatedAt: StoredEpochMsSchema,
  /** The statutory report clock (reporting-deadlines.ts `statutoryDeadline`); absent on rows from before it existed. */
  reportCategory: ReportCategorySchema.optional(),
  /** The statutory report once made: it stops that clock. */
  statutoryReport: DeadlineReportSchema.optional(),
  /** Optional so rows written before the board existed still parse; read it through `incidentHistory`. */
  history: z.array(IncidentEventSchema).optional(),
  /**
   * When the command post last made this the current incident (declaring it does, `incident.markCurrent` does):
   * synced, so every desk that follows the command post shows it (command-post.ts). Absent on older rows.
   */
  markedCurrentAt: StoredEpochMsSchema.optional(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export function incidentHistory(incident: Incident): IncidentEvent[] {
  return incident.history ?? [];
}
