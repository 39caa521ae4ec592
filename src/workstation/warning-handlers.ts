import type { FeatureHandlers } from '../contract/dispatch';
import type { SeriesPoint } from '../contract/warning-api';
import { warningApi } from '../contract/warning-api';
import { DomainError } from '../domain/errors';
import { rankAlerts } from '../domain/warning/alerts';
import { dayFromNumber } from '../domain/warning/daily-series';
import { evaluateIndicatorSeries } from '../domain/warning/detection-methods';
import type { DayEvaluation } from '../domain/warning/evaluation';
import type { Indicator, Observation } from '../domain/warning/indicators';
import { frequencyOf, periodOfDay, periodStartDay } from '../domain/warning/periods';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

const DAY_MS = 86_400_000;

const point = (d: DayEvaluation): SeriesPoint => ({
  date: dayFromNumber(d.day),
  value: d.value,
  expected: d.expected,
  threshold: d.threshold,
  stat: d.stat,
  pValue: d.pValue,
  level: d.level,
  alarm: d.alarm,
});

const emptyDay = (day: number): SeriesPoint => ({ date: dayFromNumber(day), value: null, expected: null, threshold: null, stat: null, pValue: null, level: 'grey', alarm: false });

/**
 * An indicator's whole series evaluated with its method, by day number (a weekly figure's is its Monday's). The
 * whole series, not a window: CUSUM and EWMA carry state from the first day, and the moving percentile looks years back.
 */
function evaluate(indicator: Indicator, observations: readonly Observation[]): Map<number, DayEvaluation> {
  return new Map(evaluateIndicatorSeries(indicator, observations).map((d) => [d.day, d]));
}

function byIndicator(observations: readonly Observation[]): Map<string, Observation[]> {
  const map = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = map.get(o.indicatorId);
    if (list) list.push(o);
    else map.set(o.indicatorId, [o]);
  }
  return map;
}

/** Handlers of the early-warning feature's read methods; every store access goes through `ws.queue`. */
export function createWarningHandlers(ws: WorkstationInternals): FeatureHandlers<typeof warningApi> {
  const { store, queue } = ws;
  const space = () => readSettings(store).space;
  const today = () => Math.floor(ws.now() / DAY_MS);
  return {
    'warning.indicators': () =>
      queue.run(() => {
        const s = space();
        const day = today();
        const observations = byIndicator(store.list('observation', s));
        const indicators = store
          .list('indicator', s)
          .sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name))
          .map((indicator) => {
            const own = observations.get(indicator.id) ?? [];
            const days = evaluate(indicator, own);
            // A weekly indicator's "today" is this week, dated by its Monday.
            const frequency = frequencyOf(indicator);
            const current = periodStartDay(periodOfDay(day, frequency), frequency);
            const todayEval = days.get(current);
            let latest: DayEvaluation | undefined;
            for (const d of days.values()) if (d.value !== null && d.day <= day + 1 && (!latest || d.day > latest.day)) latest = d;
            return { indicator, today: todayEval ? point(todayEval) : emptyDay(current), latest: latest ? point(latest) : null, observations: own.length };
          });
        return { today: dayFromNumber(day), indicators };
      }),

    'warning.series': ({ indicatorId, days }) =>
      queue.run(() => {
        const s = space();
        const indicator = store.list('indicator', s).find((i) => i.id === indicatorId);
        if (!indicator) throw new DomainError('not_found', `indicator ${indicatorId} does not exist`, { id: indicatorId });
        const evaluated = evaluate(indicator, store.list('observation', s).filter((o) => o.indicatorId === indicatorId));
        // Periods, not days: `days` weeks of a weekly indicator, a point per Monday, a missing week grey.
        const frequency = frequencyOf(indicator);
        const last = periodOfDay(Math.max(today(), ...evaluated.keys()), frequency);
        const points: SeriesPoint[] = [];
        for (let p = last - days + 1; p <= last; p++) {
          const d = periodStartDay(p, frequency);
          const e = evaluated.get(d);
          points.push(e ? point(e) : emptyDay(d));
        }
        return { indicator, points };
      }),

    'warning.alerts': () => queue.run(() => ({ alerts: rankAlerts(store.list('alert', space())) })),

    'warning.rules': () =>
      queue.run(() => ({ rules: store.list('triggerRule', space()).sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name)) })),
  };
}
