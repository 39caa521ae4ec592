import { derivedId } from '../ids';
import type { MutationContext, Tx } from '../mutation';
import type { Alert, AlertSignal } from './alerts';
import { isOpenAlert } from './alerts';
import { dayFromNumber, dayNumber } from './daily-series';
import { evaluateIndicatorSeries } from './detection-methods';
import type { DayEvaluation } from './evaluation';
import type { Indicator } from './indicators';
import { frequencyOf, mondayOf } from './periods';
import { conditionHolds, conditionIndicators, conditionLeaves, type IndicatorDays, type TriggerRule } from './trigger-rules';
import { ackDueAt, higherGrade, type WarningGrade } from './warning-grades';

/**
 * Alerts are raised inside the mutation that records the data, on every desk and on the server alike: the same
 * observations give the same alerts everywhere, with nothing to run on a timer and no desk to raise them twice.
 */

/** Only days this recent raise alerts: importing two years of history must not flood the inbox with old spikes. */
export const ALERT_RECENT_DAYS = 7;
/** Signals of one syndrome group this many days apart or closer are one alert thread. */
export const MERGE_DAYS = 3;

const DAY_MS = 86_400_000;

type Evaluated = { indicator: Indicator; days: Map<number, DayEvaluation> };

async function evaluateIndicator(tx: Tx, space: string, indicator: Indicator): Promise<Evaluated> {
  const rows = await tx.query('observation', space, { where: { indicatorId: indicator.id } });
  const days = new Map<number, DayEvaluation>();
  for (const d of evaluateIndicatorSeries(indicator, rows)) days.set(d.day, d);
  return { indicator, days };
}

function signalOf(e: Evaluated, d: DayEvaluation, level: AlertSignal['level']): AlertSignal {
  return {
    indicatorId: e.indicator.id,
    indicatorName: e.indicator.name,
    source: e.indicator.source,
    date: dayFromNumber(d.day),
    level,
    method: e.indicator.method,
    params: e.indicator.params,
    value: d.value,
    expected: d.expected,
    threshold: d.threshold,
    stat: d.stat,
    pValue: d.pValue,
  };
}

type Raise = { group: string; grade: WarningGrade; date: number; signals: AlertSignal[]; rule?: TriggerRule; suggestedIncidentType: Alert['suggestedIncidentType'] };

/** Re-evaluates after `indicator`'s observations on `changed` days changed, and raises or feeds alerts. */
export async function raiseAlertsAfter(tx: Tx, ctx: MutationContext, indicator: Indicator, changed: readonly string[]): Promise<void> {
  const changedDays = changed.flatMap((d) => {
    const n = dayNumber(d);
    return n === null ? [] : [n];
  });
  if (changedDays.length === 0) return;
  const today = Math.floor(ctx.at / DAY_MS);
  // A weekly figure is dated by its Monday, up to 13 days back for last week's figure entered on a Sunday.
  const recent = frequencyOf(indicator) === 'weekly' ? mondayOf(today) - 7 : today - ALERT_RECENT_DAYS;
  const from = Math.max(Math.min(...changedDays), recent);
  const cache = new Map<string, Evaluated>();
  const evaluated = async (ind: Indicator) => {
    let e = cache.get(ind.id);
    if (!e) {
      e = await evaluateIndicator(tx, ctx.space, ind);
      cache.set(ind.id, e);
    }
    return e;
  };
  const raises: Raise[] = [];
  if (indicator.enabled) {
    const own = await evaluated(indicator);
    for (const d of own.days.values()) {
      if (d.day < from || d.day > today + 1 || (d.level !== 'red' && d.level !== 'yellow')) continue;
      raises.push({ group: indicator.group, grade: d.level, date: d.day, signals: [signalOf(own, d, d.level)], suggestedIncidentType: 'infectious_disease' });
    }
  }
  const rules = (await tx.query('triggerRule', ctx.space)).filter((r) => r.enabled && conditionIndicators(r.condition).includes(indicator.id));
  for (const rule of rules) {
    const inputs: Evaluated[] = [];
    for (const id of conditionIndicators(rule.condition)) {
      const ind = id === indicator.id ? indicator : await tx.get('indicator', id);
      if (ind && ind.space === ctx.space) inputs.push(await evaluated(ind));
    }
    const days: IndicatorDays = new Map(inputs.map((e) => [e.indicator.id, new Map([...e.days].map(([n, d]) => [n, { level: d.level, value: d.value }]))]));
    for (let day = from; day <= today + 1; day++) {
      if (!conditionHolds(rule.condition, day, rule.withinDays, days)) continue;
      const signals = new Map<string, AlertSignal>();
      for (const leaf of conditionLeaves(rule.condition)) {
        const e = inputs.find((x) => x.indicator.id === leaf.indicatorId);
        const span = leaf.type === 'level' ? rule.withinDays : leaf.days;
        for (let d = day - span + 1; e && d <= day; d++) {
          const ev = e.days.get(d);
          if (!ev) continue;
          if (leaf.type === 'level' && (ev.level === 'red' || ev.level === 'yellow')) signals.set(`${e.indicator.id}|${d}`, signalOf(e, ev, ev.level));
          if (leaf.type === 'total' && ev.value && !signals.has(`${e.indicator.id}|${d}`)) signals.set(`${e.indicator.id}|${d}`, signalOf(e, ev, 'counted'));
        }
      }
      raises.push({ group: rule.group, grade: rule.grade, date: day, signals: [...signals.values()], rule, suggestedIncidentType: rule.suggestedIncidentType });
    }
  }
  raises.sort((a, b) => a.date - b.date);
  for (const r of raises) await raise(tx, ctx, r);
}

const signalKey = (s: AlertSignal) => `${s.indicatorId}|${s.date}`;

async function raise(tx: Tx, ctx: MutationContext, r: Raise): Promise<void> {
  const date = dayFromNumber(r.date);
  const ruleRecord = r.rule ? [{ id: r.rule.id, version: r.rule.version, name: r.rule.name, condition: r.rule.condition }] : [];
  const alerts = await tx.query('alert', ctx.space, { where: { group: r.group } });
  const thread = alerts.find((a) => {
    if (!isOpenAlert(a)) return false;
    const first = dayNumber(a.firstDate) ?? 0;
    const last = dayNumber(a.lastDate) ?? 0;
    return r.date >= first - MERGE_DAYS && r.date <= last + MERGE_DAYS;
  });
  if (thread) {
    const signals = new Map(thread.signals.map((s) => [signalKey(s), s]));
    for (const s of r.signals) signals.set(signalKey(s), s);
    const rules = [...thread.rules];
    for (const rule of ruleRecord) if (!rules.some((x) => x.id === rule.id && x.version === rule.version)) rules.push(rule);
    const grade = higherGrade(thread.grade, r.grade);
    const merged: Alert = {
      ...thread,
      grade,
      signals: [...signals.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.indicatorId < b.indicatorId ? -1 : 1)),
      rules,
      firstDate: date < thread.firstDate ? date : thread.firstDate,
      lastDate: date > thread.lastDate ? date : thread.lastDate,
      ackDueAt: thread.status === 'new' && grade !== thread.grade ? Math.min(thread.ackDueAt, ackDueAt(grade, ctx.at)) : thread.ackDueAt,
      suggestedIncidentType: r.rule ? r.suggestedIncidentType : thread.suggestedIncidentType,
    };
    // Re-evaluating unchanged data must not grow the record: only a new signal, figure or grade is news.
    if (JSON.stringify({ ...merged, updatedAt: 0 }) === JSON.stringify({ ...thread, updatedAt: 0 })) return;
    await tx.put('alert', { ...merged, updatedAt: ctx.at, history: [...thread.history, { at: ctx.at, by: ctx.actor.userId, action: 'merged', note: grade }] });
    return;
  }
  // Closed threads stay closed: signals a dismissed alert already holds do not raise it again.
  const closed = alerts.filter((a) => !isOpenAlert(a));
  if (r.signals.every((s) => closed.some((a) => a.signals.some((x) => signalKey(x) === signalKey(s) && x.level === s.level)))) return;
  let id = derivedId(ctx.space, 'alert', r.group, date);
  for (let n = 2; alerts.some((a) => a.id === id); n++) id = derivedId(ctx.space, 'alert', r.group, date, String(n));
  await tx.put('alert', {
    id,
    space: ctx.space,
    group: r.group,
    grade: r.grade,
    status: 'new',
    signals: r.signals,
    rules: ruleRecord,
    firstDate: date,
    lastDate: date,
    suggestedIncidentType: r.suggestedIncidentType,
    raisedAt: ctx.at,
    ackDueAt: ackDueAt(r.grade, ctx.at),
    history: [{ at: ctx.at, by: ctx.actor.userId, action: 'raised', note: r.grade }],
    updatedAt: ctx.at,
  });
}
