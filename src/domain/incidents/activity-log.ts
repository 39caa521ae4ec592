import { z } from 'zod';
import { PositionIdSchema } from '../hics';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';

export const LogTextSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(2000);
export const BackdateReasonSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(500);

/**
 * How far before its recording an entry may be dated without a reason: writing a line a few minutes after the
 * event is normal, an hour later it is a late record the log must say is one (a backdated 214 entry).
 */
export const BACKDATE_GRACE_MS = 10 * 60_000;

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
  /** Why the entry is dated well before it was recorded; present exactly on backdated entries. */
  backdateReason: BackdateReasonSchema.optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/** A log in time order; `positionId` null gives the incident's own log, undefined every entry. */
export function logOf(entries: readonly LogEntry[], positionId?: string | null): LogEntry[] {
  return entries
    .filter((e) => positionId === undefined || (positionId === null ? e.positionId === undefined : e.positionId === positionId))
    .sort((a, b) => a.at - b.at || a.recordedAt - b.recordedAt || (a.id < b.id ? -1 : 1));
}

/** Whether an entry is a late record, shown with both its times and its reason. */
export function isBackdated(entry: Pick<LogEntry, 'at' | 'recordedAt'>): boolean {
  return entry.recordedAt - entry.at > BACKDATE_GRACE_MS;
}
