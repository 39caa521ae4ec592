import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';
import type { Incident, IncidentType } from './incident';

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/**
 * Why an incident must be reported, which fixes the statutory clock: public health emergencies and Class A
 * diseases (with pulmonary anthrax, SARS, polio, highly pathogenic avian influenza, unexplained outbreaks) go
 * to the county health authority within 2 hours of discovery; other Class B and C diseases within 24 hours.
 */
export const ReportCategorySchema = z.enum(['public_health_emergency', 'class_a', 'class_b_c', 'none']);
export type ReportCategory = z.infer<typeof ReportCategorySchema>;

export const statutoryReportHours: Record<Exclude<ReportCategory, 'none'>, number> = {
  public_health_emergency: 2,
  class_a: 2,
  class_b_c: 24,
};

/**
 * The category assumed when the declarer does not choose one. Casualty events and outbreaks default to the
 * 2-hour clock: a clock the commander dismisses costs a click, a missed statutory report costs far more.
 */
export function defaultReportCategory(type: IncidentType): ReportCategory {
  return type === 'mass_casualty' || type === 'infectious_disease' ? 'public_health_emergency' : 'none';
}

export const DeadlineTitleSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);
export const RecipientSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);

export const DeadlineReportSchema = z.object({
  /** When the report was actually made (may be earlier than when someone recorded it). */
  reportedAt: StoredEpochMsSchema,
  to: RecipientSchema,
  by: z.string().trim().min(1).max(100),
  recordedAt: StoredEpochMsSchema,
  recordedBy: z.string(),
});
export type DeadlineReport = z.infer<typeof DeadlineReportSchema>;

/**
 * A reporting clock. User-added ones are rows of their own; the statutory one is part of the incident row and
 * shown through `statutoryDeadline`, with the incident's id and stable codes in `title` and `to`
 * (`health_authority_report`, `county_health_authority`) for the UI to translate.
 */
export const DeadlineSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  title: DeadlineTitleSchema,
  /** `custom` for deadlines users add; otherwise the statutory category that set the clock. */
  basis: z.union([ReportCategorySchema.exclude(['none']), z.literal('custom')]),
  /** When the clock started (discovery, or when a user added it): the yellow share is measured from here. */
  startsAt: StoredEpochMsSchema,
  dueAt: StoredEpochMsSchema,
  to: RecipientSchema,
  report: DeadlineReportSchema.optional(),
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export type DeadlineClockOptions = {
  /** Yellow when less than this is left (default 30 min). */
  warnBeforeMs?: number;
  /** Yellow when less than this share of the whole span is left (default 0.25), for long clocks. */
  warnShare?: number;
};

export type DeadlineState = 'ok' | 'yellow' | 'red' | 'reported';
export type DeadlineClock = { state: DeadlineState; remainingMs: number; late: boolean };

/** The header's countdown colour at `now`; a recorded report stops the clock (and remembers whether it was late). */
export function deadlineClock(deadline: Deadline, now: number, options: DeadlineClockOptions = {}): DeadlineClock {
  const warnBeforeMs = options.warnBeforeMs ?? 30 * MINUTE;
  const warnShare = options.warnShare ?? 0.25;
  if (deadline.report) {
    const remainingMs = deadline.dueAt - deadline.report.reportedAt;
    return { state: 'reported', remainingMs, late: remainingMs < 0 };
  }
  const remainingMs = deadline.dueAt - now;
  if (remainingMs < 0) return { state: 'red', remainingMs, late: true };
  const span = Math.max(0, deadline.dueAt - deadline.startsAt);
  const yellow = remainingMs < warnBeforeMs || remainingMs < span * warnShare;
  return { state: yellow ? 'yellow' : 'ok', remainingMs, late: false };
}

/** The clock a header should show: the open deadline due soonest, else undefined. */
export function nextOpenDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  let next: Deadline | undefined;
  for (const d of deadlines) if (!d.report && (!next || d.dueAt < next.dueAt)) next = d;
  return next;
}

export const STATUTORY_TITLE = 'health_authority_report';
export const STATUTORY_RECIPIENT = 'county_health_authority';

/**
 * The incident's statutory report clock as a deadline (id = the incident's id), or undefined when none applies.
 * It lives on the incident row so declaring an incident writes one record, and the clock moves with it.
 */
export function statutoryDeadline(incident: Incident): Deadline | undefined {
  const category = incident.reportCategory ?? defaultReportCategory(incident.type);
  if (category === 'none') return undefined;
  return {
    id: incident.id,
    space: incident.space,
    incidentId: incident.id,
    title: STATUTORY_TITLE,
    basis: category,
    startsAt: incident.discoveredAt,
    dueAt: incident.discoveredAt + statutoryReportHours[category] * HOUR,
    to: STATUTORY_RECIPIENT,
    ...(incident.statutoryReport ? { report: incident.statutoryReport } : {}),
    createdAt: incident.declaredAt,
    createdBy: incident.declaredBy,
  };
}

/** Every clock of one incident: the statutory one first, then those users added (rows of other incidents ignored). */
export function incidentDeadlines(incident: Incident, deadlines: readonly Deadline[]): Deadline[] {
  const statutory = statutoryDeadline(incident);
  const added = deadlines.filter((d) => d.incidentId === incident.id);
  return statutory ? [statutory, ...added] : added;
}
