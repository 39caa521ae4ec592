import { z } from 'zod';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { IncidentTypeSchema } from '../incidents';
import { DaySchema } from './daily-series';
import { DetectionMethodSchema } from './detection-methods';
import { IndicatorSourceSchema, SyndromeGroupSchema } from './indicators';
import { ConditionSchema, RuleNameSchema } from './trigger-rules';
import { gradeRank, WarningGradeSchema } from './warning-grades';

/** One indicator-day that made or fed an alert, with the figures the method judged it by: the explanation. */
export const AlertSignalSchema = z.object({
  indicatorId: IdSchema,
  indicatorName: z.string(),
  source: IndicatorSourceSchema,
  date: DaySchema,
  /** The colour the method gave the day; `counted` for a day counted towards a rule's total ("≥ 3 in 2 days"). */
  level: z.enum(['yellow', 'red', 'counted']),
  method: DetectionMethodSchema,
  params: z.record(z.string(), z.number()),
  value: z.number().nullable(),
  expected: z.number().nullable(),
  threshold: z.number().nullable(),
  stat: z.number().nullable(),
  pValue: z.number().nullable(),
});
export type AlertSignal = z.infer<typeof AlertSignalSchema>;

/** The rule that raised an alert, as it was then: rules change, the record of why must not. */
export const AlertRuleSchema = z.object({ id: IdSchema, version: z.number().int(), name: RuleNameSchema, condition: ConditionSchema });

/**
 * Signal → preliminary check (初步核实, assigned, with a deadline) → verified or dismissed with a reason →
 * an incident opened from a verified alert. CIDARS's workflow.
 */
export const AlertStatusSchema = z.enum(['new', 'checking', 'verified', 'dismissed', 'incident_opened']);
export type AlertStatus = z.infer<typeof AlertStatusSchema>;
export const openAlertStatuses: readonly AlertStatus[] = ['new', 'checking', 'verified'];

export const AlertEventSchema = z.object({
  at: StoredEpochMsSchema,
  by: z.string(),
  action: z.enum(['raised', 'merged', 'acknowledged', 'assigned', 'verified', 'dismissed', 'incident_opened']),
  note: z.string().optional(),
});

/** An early-warning alert (kind `alert`): one thread per syndrome group and few days, however many signals feed it. */
export const AlertSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  group: SyndromeGroupSchema,
  grade: WarningGradeSchema,
  status: AlertStatusSchema,
  signals: z.array(AlertSignalSchema),
  rules: z.array(AlertRuleSchema),
  firstDate: DaySchema,
  lastDate: DaySchema,
  suggestedIncidentType: IncidentTypeSchema,
  /** When the first signal was raised: the discovery time of an incident opened from this alert. */
  raisedAt: StoredEpochMsSchema,
  ackDueAt: StoredEpochMsSchema,
  acknowledgedAt: StoredEpochMsSchema.optional(),
  acknowledgedBy: z.string().optional(),
  assignee: z.string().optional(),
  checkDueAt: StoredEpochMsSchema.optional(),
  outcome: z.string().optional(),
  incidentId: IdSchema.optional(),
  history: z.array(AlertEventSchema),
  updatedAt: StoredEpochMsSchema,
});
export type Alert = z.infer<typeof AlertSchema>;

export const isOpenAlert = (alert: Alert): boolean => openAlertStatuses.includes(alert.status);

/** An open alert nobody acknowledged in time: the wall escalates it. */
export const isAckOverdue = (alert: Alert, now: number): boolean => alert.status === 'new' && now > alert.ackDueAt;
export const isCheckOverdue = (alert: Alert, now: number): boolean => alert.status === 'checking' && alert.checkDueAt !== undefined && now > alert.checkDueAt;

/** Independent sources behind an alert: ED visits and lab positives agreeing weigh more than one series twice. */
export const alertSources = (alert: Alert): number => new Set(alert.signals.map((s) => s.source)).size;

/** The inbox order: open first, then grade, then more independent sources, then the least time left to acknowledge. */
export function rankAlerts(alerts: readonly Alert[]): Alert[] {
  const key = (a: Alert): [number, number, number, number] => [isOpenAlert(a) ? 0 : 1, -gradeRank(a.grade), -alertSources(a), a.status === 'new' ? a.ackDueAt : Infinity];
  return [...alerts].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (ka[i] ?? 0) - (kb[i] ?? 0);
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
