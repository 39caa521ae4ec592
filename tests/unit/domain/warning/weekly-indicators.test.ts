import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors';
import { newId } from '../../../../src/domain/ids';
import { runMutation, type MutationName } from '../../../../src/domain/mutators';
import type { MutationContext, Tx } from '../../../../src/domain/mutation';
import { dayFromNumber, dayNumber } from '../../../../src/domain/warning/daily-series';
import { evaluateIndicatorSeries, methodParams } from '../../../../src/domain/warning/detection-methods';
import { IndicatorSchema, observationId } from '../../../../src/domain/warning/indicators';
import { frequencyOf, isoWeekLabel, periodKeyProblem, periodOfDay, periodSeries, samePeriodYearsBefore } from '../../../../src/domain/warning/periods';
import { validateSeriesCsv } from '../../../../src/domain/warning/series-csv';
import { makeContext } from '../../../fixtures/actors';
import { makeMemoryTx } from '../../../fixtures/memory-tx';

const ctx = makeContext(); // 2026-11-26 08:00 UTC, a Thursday of ISO week 2026-W48 (Monday 2026-11-23)
const day = (d: string): number => dayNumber(d) ?? Number.NaN;
/** `values` on consecutive Mondays, the first on `firstMonday`. */
const weeks = (firstMonday: string, values: number[]) => values.map((value, i) => ({ date: dayFromNumber(day(firstMonday) + 7 * i), value }));

async function run(tx: Tx, name: MutationName, args: unknown, at: Partial<MutationContext> = {}): Promise<void> {
  await runMutation(tx, name, args, { ...ctx, ...at });
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('ISO weeks', () => {
  it('labels a week by ISO 8601, across year ends and 53-week years', () => {
    expect(isoWeekLabel('2026-11-30')).toBe('2026-W49');
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
    expect(isoWeekLabel('2027-01-03')).toBe('2026-W53');
  });

  it('finds the same ISO week in earlier years, week 53 falling back to 52 in a year without one', () => {
    const week = (d: string) => periodOfDay(day(d), 'weekly');
    expect(samePeriodYearsBefore(week('2026-11-30'), 1, 'weekly')).toBe(week('2025-12-01'));
    expect(samePeriodYearsBefore(week('2026-11-30'), 3, 'weekly')).toBe(week('2023-12-04'));
    expect(samePeriodYearsBefore(week('2020-12-28'), 1, 'weekly')).toBe(week('2019-12-23'));
  });

  it('accepts only a Monday as a weekly key, naming the Monday of the week it refuses', () => {
    expect(periodKeyProblem('2026-11-30', 'weekly')).toBeNull();
    expect(periodKeyProblem('2026-12-02', 'daily')).toBeNull();
    const problem = periodKeyProblem('2026-12-02', 'weekly');
    expect(problem).toContain('2026-11-30');
    expect(problem).toContain('2026-W49');
  });
});

describe('a weekly series, evaluated week by week', () => {
  it('EARS C1 takes the 7 weeks before as its baseline: mean 12, sd 1.2910, bound 15.9895', () => {
    // Baseline 10,12,11,13,12,14,12: mean 84/7 = 12; squared deviations 4,0,1,1,0,4,0 = 10; sd √(10/6) = 1.290994;
    // zα = 3.090232 (α 0.001); bound 12 + 3.090232 × 1.290994 = 15.98947.
    const baseline = [10, 12, 11, 13, 12, 14, 12];
    const indicator = { method: 'ears_c1' as const, params: {}, frequency: 'weekly' as const };
    const quiet = evaluateIndicatorSeries(indicator, weeks('2026-10-05', [...baseline, 15])).at(-1);
    expect(quiet).toMatchObject({ day: day('2026-11-23'), value: 15, level: 'green', alarm: false });
    expect(quiet?.expected).toBeCloseTo(12, 9);
    expect(quiet?.threshold).toBeCloseTo(15.98947, 4);
    const spike = evaluateIndicatorSeries(indicator, weeks('2026-10-05', [...baseline, 16])).at(-1);
    expect(spike).toMatchObject({ day: day('2026-11-23'), level: 'red', alarm: true });
    expect(spike?.stat).toBeCloseTo(3.098387, 5);
  });

  it('gives one evaluation per week dated by its Monday, and a missing week grey, never zero', () => {
    const points = weeks('2026-10-05', [10, 12, 11, 13, 12, 14, 12, 16]).filter((p) => p.date !== '2026-11-02');
    const out = evaluateIndicatorSeries({ method: 'ears_c1', params: {}, frequency: 'weekly' }, points);
    expect(out.map((d) => dayFromNumber(d.day))).toEqual(weeks('2026-10-05', [0, 0, 0, 0, 0, 0, 0, 0]).map((p) => p.date));
    expect(out[4]).toMatchObject({ value: null, level: 'grey', alarm: false });
    expect(out[7]).toMatchObject({ level: 'grey', alarm: false }); // its 7-week baseline holds the missing week
    // The same figures read as daily are seven days apart: every day between is missing, so all is grey.
    expect(evaluateIndicatorSeries({ method: 'ears_c1', params: {} }, points).every((d) => d.level === 'grey')).toBe(true);
  });

  it('moving percentile: this week against P80 of the same ISO week ±2 weeks in each of the 3 years before', () => {
    // Weeks 47–51 hold 1–5 in 2023, 6–10 in 2024, 11–15 in 2025 (every other week 0): the 15 past values sorted are
    // 1…15; P80 at (15 − 1) × 0.8 = 11.2 → 12 + 0.2 × (13 − 12) = 12.2, the median 8. A window of one week (the
    // weekly default): 12 is not above 12.2, 13 is.
    const points: { date: string; value: number }[] = [];
    const base: Record<number, number> = { 2023: 1, 2024: 6, 2025: 11 };
    for (let n = day('2023-01-02'); n < day('2026-11-30'); n += 7) {
      const label = isoWeekLabel(dayFromNumber(n));
      const [year, week] = [Number(label.slice(0, 4)), Number(label.slice(6))];
      const first = base[year];
      points.push({ date: dayFromNumber(n), value: first !== undefined && week >= 47 && week <= 51 ? first + week - 47 : 0 });
    }
    const indicator = { method: 'mpm' as const, params: {}, frequency: 'weekly' as const };
    expect(methodParams('mpm', {}, 'weekly')['windowDays']).toBe(1);
    const quiet = evaluateIndicatorSeries(indicator, [...points, { date: '2026-11-30', value: 12 }]).at(-1);
    expect(quiet).toMatchObject({ day: day('2026-11-30'), stat: 12, level: 'green', alarm: false });
    expect(quiet?.threshold).toBeCloseTo(12.2, 9);
    expect(quiet?.expected).toBeCloseTo(8, 9);
    const spike = evaluateIndicatorSeries(indicator, [...points, { date: '2026-11-30', value: 13 }]).at(-1);
    expect(spike).toMatchObject({ stat: 13, level: 'red', alarm: true });
  });

  it('reads a weekly CSV of Mondays, and refuses another day of the week naming its Monday', () => {
    const ok = validateSeriesCsv(['date', 'count'], [{ date: '2026-11-23', count: '4' }, { date: '2026-12-07', count: '6' }], 'weekly');
    expect(ok).toEqual({ ok: true, series: periodSeries([{ date: '2026-11-23', value: 4 }, { date: '2026-12-07', value: 6 }], 'weekly') });
    if (ok.ok) expect(ok.series.values).toEqual([4, null, 6]);
    const bad = validateSeriesCsv(['date', 'count'], [{ date: '2026-11-23', count: '4' }, { date: '2026-12-03', count: '6' }], 'weekly');
    expect(bad).toEqual({ ok: false, errors: [{ row: 3, column: 'date', reason: 'not_a_monday', monday: '2026-11-30' }] });
  });
});

describe('weekly indicators and their figures', () => {
  async function weekly() {
    const tx = makeMemoryTx();
    const id = newId();
    await run(tx, 'indicator.define', { id, name: 'ILI %', source: 'fever_clinic', measure: 'percent', frequency: 'weekly', method: 'ears_c1', group: 'respiratory' });
    return { tx, id };
  }

  it('refuses a figure dated another day than its week\'s Monday, by entry and by import, naming the Monday', async () => {
    const { tx, id } = await weekly();
    const entry = await refusal(run(tx, 'observation.record', { indicatorId: id, date: '2026-11-26', value: 3.1 }));
    expect(entry.code).toBe('invalid_args');
    expect(entry.message).toContain('2026-11-23');
    const file = await refusal(run(tx, 'observation.import', { indicatorId: id, rows: [{ date: '2026-11-16', value: 2 }, { date: '2026-11-29', value: 3 }] }));
    expect(file.message).toContain('2026-11-23');
    expect(await tx.query('observation', ctx.space)).toEqual([]);
  });

  it('keeps one figure a week: the same week again is refused unless it replaces', async () => {
    const { tx, id } = await weekly();
    await run(tx, 'observation.record', { indicatorId: id, date: '2026-11-23', value: 3.1 });
    expect((await refusal(run(tx, 'observation.record', { indicatorId: id, date: '2026-11-23', value: 3.4 }))).code).toBe('already_exists');
    await run(tx, 'observation.record', { indicatorId: id, date: '2026-11-23', value: 3.4, replace: true });
    expect(await tx.get('observation', observationId(ctx.space, id, '2026-11-23'))).toMatchObject({ value: 3.4, revision: 2 });
  });

  it('raises an alert on this week\'s spike, dated by its Monday', async () => {
    const { tx, id } = await weekly();
    await run(tx, 'observation.import', { indicatorId: id, rows: weeks('2026-10-05', [10, 12, 11, 13, 12, 14, 12, 16]) });
    const [alert] = await tx.query('alert', ctx.space);
    expect(alert).toMatchObject({ grade: 'red', firstDate: '2026-11-23', signals: [{ indicatorId: id, date: '2026-11-23', value: 16 }] });
  });

  it('reads an indicator row without a frequency (older rows and desks) as daily, and sets up daily by default', async () => {
    const row = { id: newId(), space: ctx.space, name: 'ED fever', source: 'ed_syndrome', unit: '', measure: 'count', method: 'ears_c1', params: {}, group: 'g', enabled: true, updatedAt: ctx.at, updatedBy: 'u' };
    const parsed = IndicatorSchema.parse(row);
    expect(parsed.frequency).toBeUndefined();
    expect(frequencyOf(parsed)).toBe('daily');
    const tx = makeMemoryTx();
    await tx.put('indicator', parsed);
    await run(tx, 'observation.record', { indicatorId: row.id, date: '2026-11-26', value: 4 }); // a Thursday: fine for a daily one
    const id = newId();
    await run(tx, 'indicator.define', { id, name: 'x', source: 'ed_syndrome', method: 'ewma', group: 'g' });
    expect(await tx.get('indicator', id)).toMatchObject({ frequency: 'daily' });
  });

  it('refuses changing the frequency once the indicator has figures', async () => {
    const { tx, id } = await weekly();
    await run(tx, 'indicator.update', { id, frequency: 'daily' });
    await run(tx, 'indicator.update', { id, frequency: 'weekly' });
    await run(tx, 'observation.record', { indicatorId: id, date: '2026-11-23', value: 3 });
    expect((await refusal(run(tx, 'indicator.update', { id, frequency: 'daily' }))).code).toBe('invalid_transition');
  });
});
