import { z } from 'zod';
import { casualtyCounts, type Casualty } from '../casualties';
import { PositionIdSchema } from '../hics';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { isActiveIn, type Assignment, type Incident, type LogEntry, type Objective, type ResponseLevel } from '../incidents';
import { filledQty, resourceAccountingRecord, type ResourceRequest } from '../resources';
import { word, type Lang } from './print-labels';

/** 初步报告 / 进程报告（第 n 次）/ 结案报告: one card, different fields filled. */
export const SitRepKindSchema = z.enum(['initial', 'progress', 'final']);
export type SitRepKind = z.infer<typeof SitRepKindSchema>;

/** The card's ten event categories (1 infectious disease … 10 other). */
export const EventCategorySchema = z.enum([
  'infectious_disease', 'food_poisoning', 'occupational_poisoning', 'other_poisoning', 'environmental',
  'immunisation', 'unexplained_cluster', 'healthcare_infection', 'radiation', 'other',
]);
export type EventCategory = z.infer<typeof EventCategorySchema>;

/** 特别重大 / 重大 / 较大 / 一般, or not yet graded, or not an emergency. */
export const EventGradeSchema = z.enum(['particularly_major', 'major', 'larger', 'general', 'unclassified', 'not_emergency']);
export type EventGrade = z.infer<typeof EventGradeSchema>;

export const SentViaSchema = z.enum(['direct_report', 'phone', 'fax', 'courier']);
export type SentVia = z.infer<typeof SentViaSchema>;

const line = (max: number) => z.string().trim().max(max);

export const SitRepCardSchema = z.object({
  reportingUnit: line(100),
  reporter: line(50),
  phone: line(30),
  /** Place + type + grade, at most 30 characters on the card. */
  eventName: line(30),
  category: EventCategorySchema,
  grade: EventGradeSchema,
  place: line(200),
  setting: line(100),
  source: line(100),
});
export type SitRepCard = z.infer<typeof SitRepCardSchema>;

export const SitRepSectionsSchema = z.object({
  situation: line(4000),
  measures: line(4000),
  resources: line(2000),
  needs: line(2000),
});
export type SitRepSections = z.infer<typeof SitRepSectionsSchema>;

const count = z.number().int().min(0);
/** The casualty figures, computed from the incident's records and frozen at sign-off with their "as of" time. */
export const SitRepFiguresSchema = z.object({
  asOf: StoredEpochMsSchema,
  total: count,
  byCategory: z.object({ immediate: count, delayed: count, minor: count, expectant: count, dead: count }),
  byDisposition: z.object({ in_care: count, discharged: count, admitted: count, surgery: count, transferred: count, morgue: count }),
});
export type SitRepFigures = z.infer<typeof SitRepFiguresSchema>;

export const SitRepStatusSchema = z.enum(['draft', 'approved', 'sent']);

/**
 * A report to the health authority (kind `sitRep`): drafted from the incident's data, edited by the officer,
 * signed off by a named person in a named HICS position, then recorded as sent against the deadline it closes.
 */
export const SitRepSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  kind: SitRepKindSchema,
  /** 1 for the initial and final reports; the n of a progress report. */
  number: z.number().int().min(1),
  status: SitRepStatusSchema,
  card: SitRepCardSchema,
  sections: SitRepSectionsSchema,
  figures: SitRepFiguresSchema,
  /** The clock this report stops once sent: the incident's id for the statutory report, or a deadline's id. */
  deadlineId: IdSchema.optional(),
  approval: z.object({ name: z.string().trim().min(1).max(100), positionId: PositionIdSchema, at: StoredEpochMsSchema, by: z.string() }).optional(),
  sent: z
    .object({ at: StoredEpochMsSchema, via: SentViaSchema, receivedBy: z.string().trim().min(1).max(100), recordedAt: StoredEpochMsSchema, recordedBy: z.string() })
    .optional(),
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
  updatedAt: StoredEpochMsSchema,
});
export type SitRep = z.infer<typeof SitRepSchema>;

export const gradeOfLevel: Record<ResponseLevel, EventGrade> = { I: 'particularly_major', II: 'major', III: 'larger', IV: 'general' };

export function categoryOf(incident: Incident): EventCategory {
  return incident.type === 'infectious_disease' ? 'infectious_disease' : 'other';
}

export function figuresOf(casualties: readonly Casualty[], asOf: number): SitRepFigures {
  const { total, byCategory, byDisposition } = casualtyCounts(casualties);
  return { asOf, total, byCategory, byDisposition };
}

export type DraftSources = {
  incident: Incident;
  casualties: readonly Casualty[];
  log: readonly LogEntry[];
  objectives: readonly Objective[];
  assignments: readonly Assignment[];
  requests: readonly ResourceRequest[];
  at: number;
};

const LOG_LINES_IN_DRAFT = 20;

/**
 * The draft the officer starts from: card fields from the incident, figures from its casualties, the situation
 * from the incident's own log (latest lines), the measures from the objectives, the resources from the positions
 * staffed and the stock issued against requests since the declaration, the needs from the requests still open.
 * Text the officer rewrites in their own words; the figures are the records', recomputed until sign-off.
 */
export function draftFrom(sources: DraftSources, formatLine: (entry: LogEntry) => string, lang: Lang): Pick<SitRep, 'card' | 'sections' | 'figures'> {
  const { incident } = sources;
  const ownLog = sources.log.filter((e) => e.incidentId === incident.id && e.positionId === undefined).sort((a, b) => a.at - b.at);
  const objectives = sources.objectives.filter((o) => o.incidentId === incident.id && o.status !== 'dropped').sort((a, b) => a.period - b.period || a.createdAt - b.createdAt);
  return {
    card: {
      reportingUnit: '',
      reporter: '',
      phone: '',
      eventName: [incident.location, incident.name].filter(Boolean).join(' ').slice(0, 30),
      category: categoryOf(incident),
      grade: gradeOfLevel[incident.level],
      place: incident.location,
      setting: '',
      source: '',
    },
    sections: {
      situation: ownLog.slice(-LOG_LINES_IN_DRAFT).map(formatLine).join('\n').slice(0, 4000),
      measures: objectives.map((o) => `- ${o.text}`).join('\n').slice(0, 4000),
      resources: resourcesText(sources, lang),
      needs: needsText(sources.requests),
    },
    figures: figuresOf(sources.casualties.filter((c) => c.incidentId === incident.id), sources.at),
  };
}

function resourcesText(sources: DraftSources, lang: Lang): string {
  const { incident } = sources;
  const staffed = new Set(sources.assignments.filter((a) => a.incidentId === incident.id && isActiveIn(a, incident.period)).map((a) => a.positionId));
  const issued = new Map<string, number>();
  for (const line of resourceAccountingRecord(sources.requests)) {
    if (line.at >= incident.declaredAt) issued.set(line.item, (issued.get(line.item) ?? 0) + line.qty);
  }
  return [`${word(lang, 'positionsStaffed')}: ${staffed.size}`, ...[...issued].map(([item, qty]) => `- ${item} ${qty}`)].join('\n').slice(0, 2000);
}

/** Requests not yet filled: what the hospital still lacks, as the sections asked for it. */
function needsText(requests: readonly ResourceRequest[]): string {
  return requests
    .filter((r) => r.status === 'pending' || r.status === 'approved' || r.status === 'partially_filled')
    .sort((a, b) => a.neededBy - b.neededBy)
    .map((r) => `- ${r.item} ${r.qty - filledQty(r)} (${r.section})`)
    .join('\n')
    .slice(0, 2000);
}
