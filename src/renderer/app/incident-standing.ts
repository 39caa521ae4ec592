import { incidentHistory, type Incident } from '../../domain/incidents/incident';
import type { Deadline } from '../../domain/incidents/reporting-deadlines';

/**
 * How an incident stands, for every screen that shows it (header, wall, board), so none of them shows a closed
 * incident as live. A closed incident carries the moment it closed: its clocks stop there.
 */
export type IncidentStanding =
  | { state: 'active' | 'demobilising'; closedAt: null }
  | { state: 'closed'; closedAt: number };

export function incidentStanding(incident: Incident): IncidentStanding {
  if (incident.status !== 'closed') return { state: incident.status, closedAt: null };
  // The latest move into `closed`; a row from before the history was kept falls back to its last change.
  const closing = incidentHistory(incident).findLast((event) => event.type === 'status_changed' && event.to === 'closed');
  return { state: 'closed', closedAt: closing?.at ?? incident.updatedAt };
}

/** The instant the incident's clocks read: now while it runs, the close once closed, so nothing ticks on. */
export function clockTime(standing: IncidentStanding, now: number): number {
  return standing.closedAt ?? now;
}

/**
 * A reporting deadline as it stands once its incident closed: `met` (reported in time), `missed` (reported late,
 * or never reported though it fell due before the close), or `not_due` (never reported, and the incident closed
 * before it fell due: nothing was owed yet).
 */
export const deadlineOutcomes = ['met', 'missed', 'not_due'] as const;
export type DeadlineOutcome = (typeof deadlineOutcomes)[number];

export function deadlineOutcome(deadline: Deadline, closedAt: number): DeadlineOutcome {
  if (deadline.report) return deadline.report.reportedAt <= deadline.dueAt ? 'met' : 'missed';
  return deadline.dueAt <= closedAt ? 'missed' : 'not_due';
}
