import { z } from 'zod';
import { StoredEpochMsSchema } from '../ids';
import {
  incidentDeadlines,
  incidentHistory,
  IncidentStatusSchema,
  ResponseLevelSchema,
  type Assignment,
  type Deadline,
  type Incident,
  type LogEntry,
  type Message,
} from '../incidents';
import type { Enquiry } from '../casualties';
import { TaskStatusSchema, type Task } from './tasks';

const base = {
  key: z.string(),
  at: StoredEpochMsSchema,
  by: z.string(),
  /** The server's receive time, set only where it is far from the desk's (received-time.ts). */
  receivedAt: StoredEpochMsSchema.optional(),
};

/** One line of the incident's timeline; `key` is unique and stable, for list rendering. */
export const TimelineItemSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('declared'), level: ResponseLevelSchema }),
  z.object({ ...base, type: z.literal('level_changed'), from: ResponseLevelSchema, to: ResponseLevelSchema, reason: z.string() }),
  z.object({ ...base, type: z.literal('period_started'), period: z.number().int(), hours: z.number().int() }),
  z.object({ ...base, type: z.literal('status_changed'), from: IncidentStatusSchema, to: IncidentStatusSchema, reason: z.string() }),
  z.object({ ...base, type: z.literal('assigned'), assignmentId: z.string(), positionId: z.string(), person: z.string(), period: z.number().int() }),
  z.object({ ...base, type: z.literal('released'), assignmentId: z.string(), positionId: z.string(), person: z.string(), period: z.number().int() }),
  z.object({ ...base, type: z.literal('task_done'), taskId: z.string(), title: z.string() }),
  // A status move that was not applied because it was made against a status that no longer held: at its
  // author's time, naming the decision that was kept, so neither is missing from the record.
  z.object({
    ...base,
    type: z.literal('task_conflict'),
    taskId: z.string(),
    conflictId: z.string(),
    title: z.string(),
    status: TaskStatusSchema,
    seen: TaskStatusSchema,
    kept: TaskStatusSchema,
    keptBy: z.string().optional(),
    keptAt: StoredEpochMsSchema.optional(),
  }),
  z.object({ ...base, type: z.literal('task_conflict_resolved'), taskId: z.string(), conflictId: z.string(), title: z.string(), status: TaskStatusSchema }),
  z.object({ ...base, type: z.literal('message'), messageId: z.string(), from: z.string(), to: z.string(), subject: z.string(), urgent: z.boolean() }),
  z.object({ ...base, type: z.literal('message_reply'), messageId: z.string(), from: z.string(), subject: z.string(), text: z.string() }),
  z.object({ ...base, type: z.literal('log'), entryId: z.string(), positionId: z.string().optional(), text: z.string() }),
  z.object({ ...base, type: z.literal('report_recorded'), deadlineId: z.string(), title: z.string(), to: z.string(), reportedBy: z.string(), late: z.boolean() }),
  // Family reunification steps, by enquiry number and tag number only: the timeline is read on every desk and printed.
  z.object({ ...base, type: z.literal('enquiry_matched'), enquiryId: z.string(), ref: z.string(), tagNo: z.string() }),
  z.object({ ...base, type: z.literal('enquiry_unmatched'), enquiryId: z.string(), ref: z.string(), tagNo: z.string(), reason: z.string() }),
  z.object({ ...base, type: z.literal('enquiry_closed'), enquiryId: z.string(), ref: z.string(), outcome: z.enum(['informed', 'not_found', 'referred']), tagNo: z.string().optional() }),
]);
export type TimelineItem = z.infer<typeof TimelineItemSchema>;
export type TimelineType = TimelineItem['type'];

export type TimelineSources = {
  incident: Incident;
  assignments?: readonly Assignment[];
  tasks?: readonly Task[];
  messages?: readonly Message[];
  logEntries?: readonly LogEntry[];
  /** User-added deadlines; the statutory one is read from the incident. */
  deadlines?: readonly Deadline[];
  enquiries?: readonly Enquiry[];
};

/**
 * Everything notable in one incident, oldest first, for a commander to scan: the incident's own history,
 * staffing, finished work, status conflicts, messages, log entries and reports made. Rows of other incidents are ignored, so
 * callers may pass a whole space's rows. Ties keep a fixed order (time, incident events first, then key), the same on every screen.
 */
export function buildTimeline(sources: TimelineSources): TimelineItem[] {
  const { incident } = sources;
  const mine = <T extends { incidentId: string }>(rows: readonly T[] | undefined): T[] => (rows ?? []).filter((r) => r.incidentId === incident.id);
  const items: TimelineItem[] = incidentHistory(incident).map((event, i) => ({ ...event, key: `incident:${String(i).padStart(5, '0')}` }));

  for (const a of mine(sources.assignments)) {
    const common = { assignmentId: a.id, positionId: a.positionId, person: a.person, period: a.period };
    items.push({ type: 'assigned', key: `assigned:${a.id}`, at: a.assignedAt, by: a.assignedBy, ...common });
    if (a.releasedAt !== undefined) {
      items.push({ type: 'released', key: `released:${a.id}`, at: a.releasedAt, by: a.releasedBy ?? '', ...common });
    }
  }
  for (const t of mine(sources.tasks)) {
    if (t.status === 'done' && t.doneAt !== undefined) {
      items.push({ type: 'task_done', key: `task_done:${t.id}`, at: t.doneAt, by: t.doneBy ?? '', taskId: t.id, title: t.title });
    }
    for (const c of t.conflicts ?? []) {
      const { overridden, kept } = c;
      items.push({
        type: 'task_conflict', key: `task_conflict:${t.id}:${c.id}`, at: overridden.at, by: overridden.by, taskId: t.id, conflictId: c.id, title: t.title,
        status: overridden.status, seen: overridden.seen, kept: kept.status,
        ...(kept.by !== undefined ? { keptBy: kept.by } : {}), ...(kept.at !== undefined ? { keptAt: kept.at } : {}),
      });
      if (c.resolved) {
        const { status, by, at } = c.resolved;
        items.push({ type: 'task_conflict_resolved', key: `task_resolved:${t.id}:${c.id}`, at, by, taskId: t.id, conflictId: c.id, title: t.title, status });
      }
    }
  }
  for (const m of mine(sources.messages)) {
    items.push({ type: 'message', key: `message:${m.id}`, at: m.sentAt, by: m.sentBy, messageId: m.id, from: m.from, to: m.to, subject: m.subject, urgent: m.urgent });
    for (const r of m.replies) {
      items.push({ type: 'message_reply', key: `reply:${m.id}:${r.id}`, at: r.at, by: r.by, messageId: m.id, from: r.from, subject: m.subject, text: r.text });
    }
  }
  for (const e of mine(sources.logEntries)) {
    items.push({ type: 'log', key: `log:${e.id}`, at: e.at, by: e.recordedBy, entryId: e.id, text: e.text, ...(e.positionId ? { positionId: e.positionId } : {}) });
  }
  for (const e of mine(sources.enquiries)) {
    e.history.forEach((h, i) => {
      const common = { key: `enquiry:${e.id}:${String(i).padStart(4, '0')}`, at: h.at, by: h.by, enquiryId: e.id, ref: e.ref };
      if (h.type === 'matched') items.push({ ...common, type: 'enquiry_matched', tagNo: h.tagNo ?? '' });
      else if (h.type === 'unmatched') items.push({ ...common, type: 'enquiry_unmatched', tagNo: h.tagNo ?? '', reason: h.reason ?? '' });
      else if (h.outcome) items.push({ ...common, type: 'enquiry_closed', outcome: h.outcome, ...(h.tagNo ? { tagNo: h.tagNo } : {}) });
    });
  }
  for (const d of incidentDeadlines(incident, sources.deadlines ?? [])) {
    if (!d.report) continue;
    items.push({
      type: 'report_recorded',
      key: `report:${d.id}`,
      at: d.report.reportedAt,
      by: d.report.recordedBy,
      deadlineId: d.id,
      title: d.title,
      to: d.report.to,
      reportedBy: d.report.by,
      late: d.report.reportedAt > d.dueAt,
    });
  }
  return items.sort((a, b) => a.at - b.at || rank(a) - rank(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** At the same millisecond the incident's own events come first (a declaration precedes its first assignment). */
function rank(item: TimelineItem): number {
  return item.key.startsWith('incident:') ? 0 : 1;
}
