import type { SeriesPoint } from '../../../contract/warning-api';
import { isAckOverdue, isCheckOverdue, isOpenAlert, type Alert } from '../../../domain/warning/alerts';
import { dayFromNumber, type DailySeries } from '../../../domain/warning/daily-series';
import { methodParams, type DetectionMethod } from '../../../domain/warning/detection-methods';
import { isoWeekLabel, mondayOf, periodStartDay, type Frequency } from '../../../domain/warning/periods';
import type { DayLevel } from '../../../domain/warning/evaluation';
import { WarningGradeSchema, type WarningGrade } from '../../../domain/warning/warning-grades';

/** Pure view logic of the warning screens: what colour, which deadline, what the chart and the import send. */

/** The colour an indicator shows in the list: today's when today has a figure, else its last figure's (dated). */
export function shownLevel(today: SeriesPoint, latest: SeriesPoint | null): { level: DayLevel; date: string; isToday: boolean } {
  if (today.value !== null || !latest) return { level: today.level, date: today.date, isToday: true };
  return { level: latest.level, date: latest.date, isToday: false };
}

export type AlertDeadline = { kind: 'ack' | 'check'; dueAt: number; overdue: boolean } | null;

/** The deadline an alert is now running against: acknowledgement while new, the check once someone took it. */
export function alertDeadline(alert: Alert, now: number): AlertDeadline {
  if (alert.status === 'new') return { kind: 'ack', dueAt: alert.ackDueAt, overdue: isAckOverdue(alert, now) };
  if (alert.status === 'checking' && alert.checkDueAt !== undefined) return { kind: 'check', dueAt: alert.checkDueAt, overdue: isCheckOverdue(alert, now) };
  return null;
}

export type WallGradeRow = { grade: WarningGrade; alerts: { alert: Alert; escalated: boolean }[] };

/** Open alerts by grade, red first; an alert nobody acknowledged in time is escalated (the wall flashes it). */
export function openAlertsByGrade(alerts: readonly Alert[], now: number): WallGradeRow[] {
  const open = alerts.filter(isOpenAlert);
  return WarningGradeSchema.options
    .map((grade) => ({ grade, alerts: open.filter((a) => a.grade === grade).map((alert) => ({ alert, escalated: isAckOverdue(alert, now) })) }))
    .filter((row) => row.alerts.length > 0);
}

/** Incidents opened from alerts, newest first: the wall keeps their reporting clocks in view beside the alerts. */
export function openedIncidentIds(alerts: readonly Alert[]): string[] {
  return alerts
    .filter((a) => a.status === 'incident_opened' && a.incidentId !== undefined)
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .flatMap((a) => (a.incidentId ? [a.incidentId] : []));
}

/** The rows `observation.import` takes, from a checked series file (its gaps are periods not listed, never zeros). */
export function importRows(series: DailySeries): { date: string; value: number }[] {
  const rows: { date: string; value: number }[] = [];
  series.values.forEach((value, i) => {
    if (value !== null) rows.push({ date: dayFromNumber(periodStartDay(series.first + i, series.frequency ?? 'daily')), value });
  });
  return rows;
}

/**
 * The chart's series: the figures, the expected line, and the band from expected up to the threshold drawn as a
 * stacked area (its lower edge the expected line, its height threshold − expected); alarm days as marks.
 */
export function chartSeries(points: readonly SeriesPoint[], frequency: Frequency = 'daily') {
  return {
    dates: points.map((p) => p.date),
    /** The x axis: `MM-DD` for days, `2026-W48` for weeks (a Monday's date alone reads as a day). */
    labels: points.map((p) => (frequency === 'weekly' ? isoWeekLabel(p.date) : p.date.slice(5))),
    values: points.map((p) => p.value),
    expected: points.map((p) => p.expected),
    band: points.map((p) => (p.expected !== null && p.threshold !== null ? Math.max(0, p.threshold - p.expected) : null)),
    threshold: points.map((p) => p.threshold),
    alarms: points.flatMap((p, i) => (p.value !== null && (p.level === 'red' || p.level === 'yellow') ? [{ index: i, value: p.value, level: p.level }] : [])),
  };
}

/** A method's parameters with their defaults from the sources (a weekly indicator's where they differ), in order. */
export function paramDefaults(method: DetectionMethod, frequency: Frequency = 'daily'): Record<string, number> {
  return methodParams(method, {}, frequency);
}

/**
 * The parameters an indicator stores: only those the user changed from the default (so a later, better default
 * reaches them), read from the form's text; a field that is not a number is named, and nothing is sent.
 */
export function paramsFromForm(
  method: DetectionMethod,
  text: Readonly<Record<string, string>>,
  frequency: Frequency = 'daily',
): { ok: true; params: Record<string, number> } | { ok: false; field: string } {
  const defaults = paramDefaults(method, frequency);
  const params: Record<string, number> = {};
  for (const [name, fallback] of Object.entries(defaults)) {
    const raw = (text[name] ?? '').trim();
    if (raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) return { ok: false, field: name };
    if (value !== fallback) params[name] = value;
  }
  return { ok: true, params };
}

/** The UTC calendar day of an instant: the day the domain raises alerts for (alert-raising.ts). */
export const todayUtc = (now: number): string => new Date(now).toISOString().slice(0, 10);

/** The day an entry form starts on: today, or for a weekly indicator this week's Monday. */
export function entryStartDate(now: number, frequency: Frequency): string {
  const today = todayUtc(now);
  if (frequency === 'daily') return today;
  return dayFromNumber(mondayOf(Math.floor(now / 86_400_000)));
}
