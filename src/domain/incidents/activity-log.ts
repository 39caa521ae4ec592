import { z } from 'zod';
import { PositionIdSchema } from '../hics';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';

export const LogTextSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(2000);

/**
 * One line of an activity log (HICS 214: time, position, notable activity). A position's log when
 * `positionId` is set, the incident's own log otherwise. Append-only: no mutation edits or removes one.
 */
export const LogEntrySchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  period: z.number().int().min(1),
  positionId: PositionIdSchema.optional(),
  /** When it happened, as the writer says (often a few minutes before it is typed). */
  at: StoredEpochMsSchema,
  text: LogTextSchema,
  recordedAt: StoredEpochMsSchema,
  recordedBy: z.string(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/** A log in time order; `positionId` null gives the incident's own log, undefined every entry. */
export function logOf(entries: readonly LogEntry[], positionId?: string | null): LogEntry[] {
  return entries
    .filter((e) => positionId === undefined || (positionId === null ? e.positionId === undefined : e.positionId === positionId))
    .sort((a, b) => a.at - b.at || a.recordedAt - b.recordedAt || (a.id < b.id ? -1 : 1));
}
