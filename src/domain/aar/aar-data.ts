import { casualtyCounts, type Casualty } from '../casualties';
import type { Task } from '../board';
import { incidentDeadlines, incidentHistory, type Deadline, type Incident, type LogEntry } from '../incidents';
import { resourceAccountingRecord, type ResourceRequest } from '../resources';
import type { AarData, AarTimelineEntry, DeadlineOutcome } from './aar';

/**
 * Log lines the chronology keeps, and how much of each: the AAR is a row every desk syncs, and a week-long
 * incident's log runs to thousands of lines. The full log stays in the HICS 214.
 */
export const AAR_LOG_LINES = 200;
export const AAR_LOG_TEXT = 500;

export type AarSources = {
  incident: Incident;
  log: readonly LogEntry[];
  casualties: readonly Casualty[];
  requests: readonly ResourceRequest[];
  tasks: readonly Task[];
  deadlines: readonly Deadline[];
  at: number;
};

/** When the incident closed: its last change to `closed` (the row's update time for a row without history). */
export function closedAt(incident: Incident): number {
  const closes = incidentHistory(incident).filter((e) => e.type === 'status_changed' && e.to === 'closed');
  return closes.at(-1)?.at ?? incident.updatedAt;
}

export function deadlineOutcome(deadline: Pick<Deadline, 'dueAt' | 'report'>, closed: number): DeadlineOutcome {
  if (deadline.report) return deadline.report.reportedAt <= deadline.dueAt ? 'met' : 'late';
  return deadline.dueAt <= closed ? 'missed' : 'not_due';
}

/**
 * The data sections of an incident's AAR from its records. Callers may pass a whole space's rows: those of other
 * incidents are ignored, and requests and stock issues (which belong to no incident) count between declaration and close.
 */
export function aarDataOf(sources: AarSources): AarData {
  const { incident } = sources;
  const closed = closedAt(incident);
  const mine = <T extends { incidentId: string }>(rows: readonly T[]): T[] => rows.filter((r) => r.incidentId === incident.id);
  const during = (at: number) => at >= incident.declaredAt && at <= closed;

  // The incident's own log (not each position's 214): what the commander's desk chose to record as the response.
  const ownLog = mine(sources.log)
    .filter((e) => e.positionId === undefined)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const kept = ownLog.slice(0, AAR_LOG_LINES);
  const timeline: AarTimelineEntry[] = [
    ...incidentHistory(incident),
    ...kept.map((e) => ({ type: 'log' as const, at: e.at, by: e.recordedBy, text: e.text.slice(0, AAR_LOG_TEXT) })),
  ].sort((a, b) => a.at - b.at);

  const { total, byCategory, byDisposition } = casualtyCounts(mine(sources.casualties));

  const requests = sources.requests.filter((r) => during(r.requestedAt));
  const byStatus = { total: requests.length, pending: 0, approved: 0, rejected: 0, partially_filled: 0, filled: 0 };
  for (const r of requests) byStatus[r.status] += 1;
  const issued = new Map<string, number>();
  for (const line of resourceAccountingRecord(sources.requests)) if (during(line.at)) issued.set(line.item, (issued.get(line.item) ?? 0) + line.qty);

  return {
    asOf: sources.at,
    closedAt: closed,
    timeline,
    timelineOmitted: ownLog.length - kept.length,
    casualties: { total, byCategory, byDisposition },
    resources: {
      requests: byStatus,
      issued: [...issued].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([item, qty]) => ({ item, qty })),
    },
    openTasks: mine(sources.tasks)
      .filter((t) => t.status !== 'done')
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((t) => ({ id: t.id, title: t.title, status: t.status, section: t.section })),
    deadlines: incidentDeadlines(incident, sources.deadlines).map((d) => ({
      id: d.id,
      title: d.title,
      to: d.to,
      dueAt: d.dueAt,
      ...(d.report ? { reportedAt: d.report.reportedAt } : {}),
      outcome: deadlineOutcome(d, closed),
    })),
  };
}
