import { z } from 'zod';
import { DomainError } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import { IncidentNameSchema, IncidentTypeSchema, ResponseLevelSchema } from '../incidents';
import { declareIncident } from '../incidents';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { BasePlaceIdSchema } from '../map';
import { raiseAlertsAfter } from './alert-raising';
import { openAlertStatuses, type Alert } from './alerts';
import { DaySchema, dayFromNumber, dayNumber } from './daily-series';
import { DetectionMethodSchema, methodParams, type DetectionMethod } from './detection-methods';
import { FrequencySchema, frequencyOf, mondayOf, periodKeyProblem } from './periods';
import { IndicatorNameSchema, IndicatorSourceSchema, ObservationValueSchema, observationId, SyndromeGroupSchema, type Indicator } from './indicators';
import { ConditionSchema, conditionIndicators, RuleNameSchema } from './trigger-rules';
import { responseLevelFor } from './response-levels';
import { checkDueAt, WarningGradeSchema } from './warning-grades';

const NoteSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(2000);

/**
 * A method's parameters checked against the method, so a bad one is refused by name when it is set, not at the
 * next evaluation. Kept as set: the method's defaults fill the rest when it runs.
 */
function paramsOrRefuse(method: DetectionMethod, params: Record<string, number>): Record<string, number> {
  try {
    methodParams(method, params);
    return params;
  } catch (error) {
    const detail = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ') : String(error);
    throw new DomainError('invalid_args', `params: ${detail}`, { field: 'params' });
  }
}

/** Refuses a date that is not a key of the indicator's frequency (a weekly figure on another day than its Monday). */
function checkPeriodKey(indicator: Indicator, date: string): void {
  const problem = periodKeyProblem(date, frequencyOf(indicator));
  const n = dayNumber(date);
  // The Monday travels with the refusal so a desk can say it in the user's language.
  if (problem) throw new DomainError('invalid_args', `${indicator.name}: ${problem}`, { field: 'date', date, ...(n === null ? {} : { monday: dayFromNumber(mondayOf(n)) }) });
}

async function indicatorIn(tx: Tx, id: string, ctx: MutationContext): Promise<Indicator> {
  const indicator = await tx.get('indicator', id);
  if (!indicator || indicator.space !== ctx.space) throw new DomainError('not_found', `indicator ${id} does not exist`, { id });
  return indicator;
}

async function alertIn(tx: Tx, id: string, ctx: MutationContext): Promise<Alert> {
  const alert = await tx.get('alert', id);
  if (!alert || alert.space !== ctx.space) throw new DomainError('not_found', `alert ${id} does not exist`, { id });
  return alert;
}

function expectStatus(alert: Alert, allowed: readonly Alert['status'][], action: string): void {
  if (!allowed.includes(alert.status)) throw new DomainError('invalid_transition', `cannot ${action} an alert that is ${alert.status}`, { status: alert.status });
}

const indicatorFields = {
  name: IndicatorNameSchema,
  source: IndicatorSourceSchema,
  unit: z.string().trim().max(40),
  measure: z.enum(['count', 'percent']),
  frequency: FrequencySchema,
  method: DetectionMethodSchema,
  params: z.record(z.string(), z.number()),
  group: SyndromeGroupSchema,
  districtId: BasePlaceIdSchema,
  enabled: z.boolean(),
};
const IndicatorDefineSchema = z.strictObject({
  ...indicatorFields,
  id: IdSchema,
  unit: indicatorFields.unit.default(''),
  measure: indicatorFields.measure.default('count'),
  frequency: indicatorFields.frequency.default('daily'),
  params: indicatorFields.params.default({}),
  districtId: indicatorFields.districtId.optional(),
  enabled: indicatorFields.enabled.default(true),
});
/** No defaults in an update: a field left out stays as it is (zod's `partial()` would fill the defaults back in). */
const IndicatorUpdateSchema = z.strictObject({ id: IdSchema, ...optional(indicatorFields) });

function optional<T extends Record<string, z.ZodType>>(fields: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };
}

/** The fields an update sets, without the ones it leaves out (which zod gives as undefined). */
function setFields<T extends Record<string, unknown>>(changes: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

const ObservationRowSchema = z.strictObject({ date: DaySchema, value: ObservationValueSchema });

const ruleFields = {
  name: RuleNameSchema,
  grade: WarningGradeSchema,
  condition: ConditionSchema,
  withinDays: z.number().int().min(1).max(14),
  group: SyndromeGroupSchema,
  suggestedIncidentType: IncidentTypeSchema,
  enabled: z.boolean(),
};
const RuleDefineSchema = z.strictObject({
  ...ruleFields,
  id: IdSchema,
  withinDays: ruleFields.withinDays.default(3),
  suggestedIncidentType: ruleFields.suggestedIncidentType.default('infectious_disease'),
  enabled: ruleFields.enabled.default(true),
});
const RuleUpdateSchema = z.strictObject({ id: IdSchema, ...optional(ruleFields) });

async function checkRuleIndicators(tx: Tx, condition: z.infer<typeof ConditionSchema>, ctx: MutationContext): Promise<void> {
  for (const id of conditionIndicators(condition)) await indicatorIn(tx, id, ctx);
}

export const warningMutators = {
  /** A surveillance series and how it is judged. Setting up what raises alarms is a command decision. */
  'indicator.define': defineMutator(IndicatorDefineSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    if (await tx.get('indicator', args.id)) throw new DomainError('already_exists', `indicator ${args.id} already exists`, { id: args.id });
    const { districtId, ...fields } = args;
    await tx.put('indicator', {
      ...fields,
      ...(districtId ? { districtId } : {}),
      params: paramsOrRefuse(args.method, args.params),
      space: ctx.space,
      updatedAt: ctx.at,
      updatedBy: ctx.actor.userId,
    });
  }),

  /** Changes how an indicator is judged; days already alerted keep the figures they were alerted on. */
  'indicator.update': defineMutator(IndicatorUpdateSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const indicator = await indicatorIn(tx, args.id, ctx);
    const { id: _id, ...changes } = args;
    const next: Indicator = { ...indicator, ...setFields(changes), updatedAt: ctx.at, updatedBy: ctx.actor.userId };
    next.params = paramsOrRefuse(next.method, next.params);
    // Figures already held are keyed by the old frequency (days that are not Mondays, or weeks that are not days):
    // changing it under them would change what they mean, so it is only allowed before the first figure.
    if (frequencyOf(next) !== frequencyOf(indicator) && (await tx.query('observation', ctx.space, { where: { indicatorId: indicator.id } })).length > 0) {
      throw new DomainError('invalid_transition', `${indicator.name} already has figures; its frequency cannot change`, { field: 'frequency' });
    }
    await tx.put('indicator', next);
  }),

  /**
   * One day's figure, or one week's dated by its Monday. The same day twice is refused unless `replace` is set (the
   * user chose to correct it); the same figure again changes nothing, so a feed may resend. Alerts are raised in the
   * same transaction.
   */
  'observation.record': defineMutator(
    z.strictObject({ indicatorId: IdSchema, date: DaySchema, value: ObservationValueSchema, replace: z.boolean().default(false), via: z.enum(['manual', 'feed']).default('manual') }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const indicator = await indicatorIn(tx, args.indicatorId, ctx);
      checkPeriodKey(indicator, args.date);
      const id = observationId(ctx.space, indicator.id, args.date);
      const existing = await tx.get('observation', id);
      if (existing && existing.value === args.value) return;
      if (existing && !args.replace) {
        throw new DomainError('already_exists', `${indicator.name} already has ${existing.value} on ${args.date}`, { date: args.date, value: existing.value });
      }
      await tx.put('observation', {
        id,
        space: ctx.space,
        indicatorId: indicator.id,
        date: args.date,
        value: args.value,
        via: args.via,
        enteredAt: ctx.at,
        enteredBy: ctx.actor.userId,
        revision: (existing?.revision ?? 0) + 1,
      });
      await raiseAlertsAfter(tx, ctx, indicator, [args.date]);
    },
  ),

  /**
   * A file of days for one indicator, all or nothing (the CSV's row and column errors are found before sending).
   * Days already recorded are refused unless `onDuplicate` is `replace`; the refusal names the first such day.
   */
  'observation.import': defineMutator(
    z.strictObject({ indicatorId: IdSchema, rows: z.array(ObservationRowSchema).min(1).max(4000), onDuplicate: z.enum(['refuse', 'replace']).default('refuse') }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const indicator = await indicatorIn(tx, args.indicatorId, ctx);
      const seen = new Set<string>();
      for (const row of args.rows) {
        checkPeriodKey(indicator, row.date);
        if (seen.has(row.date)) throw new DomainError('invalid_args', `${row.date} is in the file twice`, { date: row.date });
        seen.add(row.date);
      }
      const existing = new Map((await tx.query('observation', ctx.space, { where: { indicatorId: indicator.id } })).map((o) => [o.date, o]));
      // Every refusal before the first write, so a refused file leaves nothing behind in any store.
      const changed = args.rows.filter((row) => existing.get(row.date)?.value !== row.value);
      const clash = args.onDuplicate === 'refuse' ? changed.find((row) => existing.has(row.date)) : undefined;
      if (clash) {
        const held = existing.get(clash.date)?.value ?? 0;
        throw new DomainError('already_exists', `${indicator.name} already has ${held} on ${clash.date}`, { date: clash.date, value: held });
      }
      for (const row of changed) {
        await tx.put('observation', {
          id: observationId(ctx.space, indicator.id, row.date),
          space: ctx.space,
          indicatorId: indicator.id,
          date: row.date,
          value: row.value,
          via: 'import',
          enteredAt: ctx.at,
          enteredBy: ctx.actor.userId,
          revision: (existing.get(row.date)?.revision ?? 0) + 1,
        });
      }
      await raiseAlertsAfter(tx, ctx, indicator, changed.map((row) => row.date));
    },
  ),

  'rule.define': defineMutator(RuleDefineSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    if (await tx.get('triggerRule', args.id)) throw new DomainError('already_exists', `rule ${args.id} already exists`, { id: args.id });
    await checkRuleIndicators(tx, args.condition, ctx);
    await tx.put('triggerRule', { ...args, space: ctx.space, version: 1, updatedAt: ctx.at, updatedBy: ctx.actor.userId });
  }),

  /** Every change is a new version; alerts keep the version that raised them. */
  'rule.update': defineMutator(RuleUpdateSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const rule = await tx.get('triggerRule', args.id);
    if (!rule || rule.space !== ctx.space) throw new DomainError('not_found', `rule ${args.id} does not exist`, { id: args.id });
    if (args.condition) await checkRuleIndicators(tx, args.condition, ctx);
    const { id: _id, ...changes } = args;
    await tx.put('triggerRule', { ...rule, ...setFields(changes), version: rule.version + 1, updatedAt: ctx.at, updatedBy: ctx.actor.userId });
  }),

  /** Someone takes the alert: its acknowledgement clock stops and the preliminary check starts, with a deadline. */
  'alert.acknowledge': defineMutator(
    z.strictObject({ id: IdSchema, assignee: z.string().trim().min(1).max(100).optional(), checkDueAt: EpochMsSchema.optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const alert = await alertIn(tx, args.id, ctx);
      expectStatus(alert, ['new'], 'acknowledge');
      const assignee = args.assignee ?? ctx.actor.userId;
      await tx.put('alert', {
        ...alert,
        status: 'checking',
        acknowledgedAt: ctx.at,
        acknowledgedBy: ctx.actor.userId,
        assignee,
        checkDueAt: args.checkDueAt ?? checkDueAt(alert.grade, ctx.at),
        updatedAt: ctx.at,
        history: [...alert.history, { at: ctx.at, by: ctx.actor.userId, action: 'acknowledged', note: assignee }],
      });
    },
  ),

  'alert.assign': defineMutator(
    z.strictObject({ id: IdSchema, assignee: z.string().trim().min(1).max(100), checkDueAt: EpochMsSchema.optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const alert = await alertIn(tx, args.id, ctx);
      expectStatus(alert, ['checking'], 'assign');
      await tx.put('alert', {
        ...alert,
        assignee: args.assignee,
        ...(args.checkDueAt !== undefined ? { checkDueAt: args.checkDueAt } : {}),
        updatedAt: ctx.at,
        history: [...alert.history, { at: ctx.at, by: ctx.actor.userId, action: 'assigned', note: args.assignee }],
      });
    },
  ),

  /** The preliminary check found a suspected event (lab, case definitions, line list): ready to open an incident. */
  'alert.verify': defineMutator(z.strictObject({ id: IdSchema, note: NoteSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const alert = await alertIn(tx, args.id, ctx);
    expectStatus(alert, ['checking'], 'verify');
    await tx.put('alert', { ...alert, status: 'verified', outcome: args.note, updatedAt: ctx.at, history: [...alert.history, { at: ctx.at, by: ctx.actor.userId, action: 'verified', note: args.note }] });
  }),

  /** Not an event; the reason is kept, because it is what tunes the thresholds later. */
  'alert.dismiss': defineMutator(z.strictObject({ id: IdSchema, reason: NoteSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const alert = await alertIn(tx, args.id, ctx);
    expectStatus(alert, openAlertStatuses, 'dismiss');
    await tx.put('alert', { ...alert, status: 'dismissed', outcome: args.reason, updatedAt: ctx.at, history: [...alert.history, { at: ctx.at, by: ctx.actor.userId, action: 'dismissed', note: args.reason }] });
  }),

  /**
   * Opens the incident a verified alert warns of, pre-filled: the alert's suggested type, the response level the
   * space maps its grade to (warning.setResponseLevels; red I … blue IV by default), and discovery at the first
   * signal, so the statutory 2-hour reporting clock already runs from then.
   */
  'alert.openIncident': defineMutator(
    z.strictObject({
      id: IdSchema,
      incidentId: IdSchema,
      name: IncidentNameSchema,
      type: IncidentTypeSchema.optional(),
      level: ResponseLevelSchema.optional(),
      location: z.string().trim().max(200).default(''),
    }),
    async (tx, args, ctx) => {
      const alert = await alertIn(tx, args.id, ctx);
      expectStatus(alert, ['verified'], 'open an incident from');
      await declareIncident(
        tx,
        { id: args.incidentId, name: args.name, type: args.type ?? alert.suggestedIncidentType, level: args.level ?? (await responseLevelFor(tx, ctx.space, alert.grade)), location: args.location, discoveredAt: alert.raisedAt, periodHours: 12 },
        ctx,
      );
      await tx.put('alert', {
        ...alert,
        status: 'incident_opened',
        incidentId: args.incidentId,
        updatedAt: ctx.at,
        history: [...alert.history, { at: ctx.at, by: ctx.actor.userId, action: 'incident_opened', note: args.incidentId }],
      });
    },
  ),
};
