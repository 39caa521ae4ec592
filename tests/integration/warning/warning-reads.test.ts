import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../src/contract/live';
import { newId } from '../../../src/domain/ids';
import { dayFromNumber } from '../../../src/domain/warning/daily-series';
import { withWorkstation } from '../../fixtures/workstation';

const AT = Date.UTC(2026, 10, 26, 8, 0);
const TODAY = Math.floor(AT / 86_400_000);
/** A steady history ending the day before yesterday: ESSENCE EWMA judges it green throughout. */
const history = Array.from({ length: 120 }, (_, i) => ({ date: dayFromNumber(TODAY - 121 + i), value: 20 + ((i * 7) % 11) - 5 }));

describe('warning reads on a workstation', () => {
  it('gives each indicator today\'s colour (grey until today is entered) and its series with expected value, threshold and alarm', async () => {
    await withWorkstation(
      async (ws) => {
        const id = newId();
        await ws.call('mutate', { name: 'indicator.define', args: { id, name: 'ED fever + respiratory', source: 'ed_syndrome', method: 'ewma', group: 'respiratory' } });
        await ws.call('mutate', { name: 'observation.import', args: { indicatorId: id, rows: history } });
        const before = await ws.call('warning.indicators', {});
        expect(before.today).toBe(dayFromNumber(TODAY));
        expect(before.indicators[0]).toMatchObject({ today: { date: dayFromNumber(TODAY), level: 'grey', value: null }, latest: { date: dayFromNumber(TODAY - 2), level: 'green' }, observations: 120 });

        await ws.call('mutate', { name: 'observation.record', args: { indicatorId: id, date: dayFromNumber(TODAY), value: 45 } });
        const after = await ws.call('warning.indicators', {});
        expect(after.indicators[0]?.today).toMatchObject({ level: 'red', value: 45, alarm: true });

        const series = await ws.call('warning.series', { indicatorId: id, days: 30 });
        expect(series.points).toHaveLength(30);
        const last = series.points.at(-1);
        expect(last).toMatchObject({ date: dayFromNumber(TODAY), value: 45, level: 'red', alarm: true });
        // EWMA's expected value: the mean of the 28 days ending 3 days before (a 2-day guard band), history 91…118.
        const baseline = history.slice(91, 119).map((h) => h.value);
        expect(last?.expected).toBeCloseTo(baseline.reduce((a, b) => a + b, 0) / baseline.length, 9);
        expect(last?.threshold).toBeGreaterThan(last?.expected ?? Infinity);
        // Yesterday was not reported: a gap, grey, never an alarm.
        expect(series.points.at(-2)).toMatchObject({ date: dayFromNumber(TODAY - 1), value: null, level: 'grey', alarm: false, expected: null });
      },
      { now: () => AT },
    );
  });

  it('lists alerts open first and red first, and rules with their version', async () => {
    await withWorkstation(
      async (ws) => {
        const ed = newId();
        const lab = newId();
        await ws.call('mutate', { name: 'indicator.define', args: { id: ed, name: 'ED', source: 'ed_syndrome', method: 'ewma', group: 'respiratory' } });
        await ws.call('mutate', { name: 'indicator.define', args: { id: lab, name: 'Lab', source: 'lab_positive', method: 'fixed', params: { threshold: 5 }, group: 'enteric' } });
        await ws.call('mutate', { name: 'observation.import', args: { indicatorId: ed, rows: history } });
        await ws.call('mutate', { name: 'observation.record', args: { indicatorId: lab, date: dayFromNumber(TODAY - 10), value: 9 } });
        await ws.call('mutate', { name: 'observation.record', args: { indicatorId: lab, date: dayFromNumber(TODAY), value: 9 } });
        await ws.call('mutate', { name: 'observation.record', args: { indicatorId: ed, date: dayFromNumber(TODAY - 1), value: 26 } });
        const { alerts } = await ws.call('warning.alerts', {});
        expect(alerts.map((a) => [a.group, a.grade])).toEqual([['enteric', 'red'], ['respiratory', 'yellow']]);
        await ws.call('mutate', { name: 'alert.dismiss', args: { id: alerts[0]?.id ?? '', reason: 'lab contamination' } });
        expect((await ws.call('warning.alerts', {})).alerts.map((a) => [a.group, a.status])).toEqual([['respiratory', 'new'], ['enteric', 'dismissed']]);

        const rule = newId();
        await ws.call('mutate', { name: 'rule.define', args: { id: rule, name: 'ED yellow and lab', grade: 'orange', group: 'respiratory', condition: { type: 'all', of: [{ type: 'level', indicatorId: ed, atLeast: 'yellow' }, { type: 'total', indicatorId: lab, days: 2, atLeast: 3 }] } } });
        await ws.call('mutate', { name: 'rule.update', args: { id: rule, withinDays: 2 } });
        expect((await ws.call('warning.rules', {})).rules).toEqual([expect.objectContaining({ id: rule, version: 2, withinDays: 2 })]);
      },
      { now: () => AT },
    );
  });

  it('keeps the indicators read live: a new figure pushes today\'s new colour', async () => {
    await withWorkstation(
      async (ws) => {
        const id = newId();
        await ws.call('mutate', { name: 'indicator.define', args: { id, name: 'ED', source: 'ed_syndrome', method: 'ewma', group: 'respiratory' } });
        await ws.call('mutate', { name: 'observation.import', args: { indicatorId: id, rows: history } });
        const events: LiveEvent[] = [];
        const live = ws.connect((event) => events.push(event));
        const outcome = await ws.handle('live.subscribe', { queryId: 'ind', method: 'warning.indicators', params: {} }, { live });
        expect(outcome.ok).toBe(true);
        await ws.call('mutate', { name: 'observation.record', args: { indicatorId: id, date: dayFromNumber(TODAY), value: 45 } });
        await expect.poll(() => events.length).toBeGreaterThan(1);
        const pushed = events.at(-1)?.result as { indicators: { today: { level: string } }[] };
        expect(pushed.indicators[0]?.today.level).toBe('red');
        live.close();
      },
      { now: () => AT },
    );
  });
});
