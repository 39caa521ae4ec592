import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../../src/contract/warning-api';
import type { Alert } from '../../../src/domain/warning/alerts';
import { conditionFromRows, rowsFromCondition, type ConditionRow } from '../../../src/renderer/features/warning/rule-form';
import { periodOfDay } from '../../../src/domain/warning/periods';
import { alertDeadline, chartSeries, entryStartDate, importRows, openAlertsByGrade, openedIncidentIds, paramDefaults, paramsFromForm, shownLevel, todayUtc } from '../../../src/renderer/features/warning/warning-view';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 5, 8, 0);

const point = (p: Partial<SeriesPoint>): SeriesPoint => ({ date: '2026-12-05', value: null, expected: null, threshold: null, stat: null, pValue: null, level: 'grey', alarm: false, ...p });

function makeAlert(p: Partial<Alert> = {}): Alert {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    space: 'demo-hospital',
    group: 'respiratory',
    grade: 'red',
    status: 'new',
    signals: [],
    rules: [],
    firstDate: '2026-12-05',
    lastDate: '2026-12-05',
    suggestedIncidentType: 'infectious_disease',
    raisedAt: NOW - HOUR,
    ackDueAt: NOW - HOUR / 2,
    history: [],
    updatedAt: NOW - HOUR,
    ...p,
  };
}

describe('the colour an indicator shows', () => {
  it('is today\'s when today has a figure, and the last figure\'s, dated, when today has none yet', () => {
    const today = point({ date: '2026-12-05', value: 45, level: 'red' });
    expect(shownLevel(today, point({ date: '2026-12-05', value: 45, level: 'red' }))).toEqual({ level: 'red', date: '2026-12-05', isToday: true });
    expect(shownLevel(point({ date: '2026-12-05' }), point({ date: '2026-12-03', value: 20, level: 'green' }))).toEqual({ level: 'green', date: '2026-12-03', isToday: false });
    expect(shownLevel(point({ date: '2026-12-05' }), null)).toEqual({ level: 'grey', date: '2026-12-05', isToday: true });
  });

  it('takes today as the UTC day the domain raises alerts for, not the local one', () => {
    expect(todayUtc(Date.UTC(2026, 11, 5, 23, 59))).toBe('2026-12-05');
  });
});

describe('alert deadlines and the wall', () => {
  it('runs against the acknowledgement while new and the check once taken, overdue past either', () => {
    expect(alertDeadline(makeAlert(), NOW)).toEqual({ kind: 'ack', dueAt: NOW - HOUR / 2, overdue: true });
    expect(alertDeadline(makeAlert({ ackDueAt: NOW + 60_000 }), NOW)).toMatchObject({ overdue: false });
    expect(alertDeadline(makeAlert({ status: 'checking', checkDueAt: NOW + HOUR }), NOW)).toEqual({ kind: 'check', dueAt: NOW + HOUR, overdue: false });
    expect(alertDeadline(makeAlert({ status: 'verified' }), NOW)).toBeNull();
  });

  it('groups open alerts by grade, red first, escalating only the ones nobody acknowledged in time', () => {
    const late = makeAlert({ id: '01900000-0000-7000-8000-000000000002' });
    const checking = makeAlert({ id: '01900000-0000-7000-8000-000000000003', status: 'checking', checkDueAt: NOW - 1 });
    const yellow = makeAlert({ id: '01900000-0000-7000-8000-000000000004', grade: 'yellow', ackDueAt: NOW + HOUR });
    const closed = makeAlert({ id: '01900000-0000-7000-8000-000000000005', status: 'dismissed' });
    const rows = openAlertsByGrade([yellow, closed, checking, late], NOW);
    expect(rows.map((r) => [r.grade, r.alerts.map((a) => [a.alert.id.slice(-1), a.escalated])])).toEqual([
      ['red', [['3', false], ['2', true]]],
      ['yellow', [['4', false]]],
    ]);
  });
});

describe('incidents opened from alerts', () => {
  it('lists the incidents alerts opened, newest first, and no other alert', () => {
    const older = makeAlert({ id: '01900000-0000-7000-8000-000000000006', status: 'incident_opened', incidentId: '01900000-0000-7000-8000-0000000000c1', updatedAt: NOW - HOUR });
    const newer = makeAlert({ id: '01900000-0000-7000-8000-000000000007', status: 'incident_opened', incidentId: '01900000-0000-7000-8000-0000000000c2', updatedAt: NOW });
    expect(openedIncidentIds([older, makeAlert({ status: 'verified' }), newer])).toEqual(['01900000-0000-7000-8000-0000000000c2', '01900000-0000-7000-8000-0000000000c1']);
  });
});

describe('import and chart glue', () => {
  it('sends the days a file lists, skipping its gaps rather than sending zeros', () => {
    const first = Date.UTC(2026, 0, 1) / 86_400_000;
    expect(importRows({ first, values: [3, null, 0] })).toEqual([{ date: '2026-01-01', value: 3 }, { date: '2026-01-03', value: 0 }]);
  });

  it('sends a weekly file\'s weeks dated by their Mondays, and labels a weekly chart by ISO week', () => {
    const first = periodOfDay(Date.UTC(2026, 10, 23) / 86_400_000, 'weekly');
    expect(importRows({ first, values: [3.1, null, 2.8], frequency: 'weekly' })).toEqual([{ date: '2026-11-23', value: 3.1 }, { date: '2026-12-07', value: 2.8 }]);
    expect(chartSeries([point({ date: '2026-11-30' }), point({ date: '2026-12-28' })], 'weekly').labels).toEqual(['2026-W49', '2026-W53']);
    expect(chartSeries([point({ date: '2026-11-30' })]).labels).toEqual(['11-30']);
  });

  it('starts a weekly entry on this week\'s Monday', () => {
    expect(entryStartDate(NOW, 'weekly')).toBe('2026-11-30');
    expect(entryStartDate(NOW, 'daily')).toBe('2026-12-05');
  });

  it('draws the band from the expected line up to the threshold, and marks only evaluated alarm days', () => {
    const s = chartSeries([point({ value: 20, expected: 19, threshold: 27, level: 'green' }), point({ value: 26, expected: 19, threshold: 27, level: 'yellow' }), point({ value: 4 })]);
    expect(s.band).toEqual([8, 8, null]);
    expect(s.alarms).toEqual([{ index: 1, value: 26, level: 'yellow' }]);
  });
});

describe('method parameters in the indicator form', () => {
  it('shows each method\'s defaults from the sources', () => {
    expect(paramDefaults('ewma')).toEqual({ baselineDays: 28, guardDays: 2, w1: 0.4, w2: 0.9 });
    expect(paramDefaults('cusum')).toMatchObject({ k: 1.04, h: 2.26 });
    expect(paramDefaults('mpm', 'weekly')).toMatchObject({ windowDays: 1, neighbours: 2, years: 3 });
    expect(paramDefaults('mpm')).toMatchObject({ windowDays: 7 });
  });

  it('stores only what differs from the default and names a field that is not a number', () => {
    expect(paramsFromForm('ewma', { w1: '0.4', w2: '0.8', baselineDays: '' })).toEqual({ ok: true, params: { w2: 0.8 } });
    expect(paramsFromForm('cusum', { k: 'abc' })).toEqual({ ok: false, field: 'k' });
  });
});

describe('the rule form', () => {
  const ed = '01900000-0000-7000-8000-0000000000aa';
  const lab = '01900000-0000-7000-8000-0000000000bb';
  const rows: ConditionRow[] = [
    { indicatorId: ed, kind: 'level', atLeast: 'yellow', days: 2, total: 3 },
    { indicatorId: lab, kind: 'total', atLeast: 'yellow', days: 2, total: 3 },
  ];

  it('writes "ED syndrome yellow AND lab positives ≥ 3 in 2 days" as the domain\'s condition, and reads it back', () => {
    const condition = conditionFromRows('all', 2, rows);
    expect(condition).toEqual({ type: 'all', of: [{ type: 'level', indicatorId: ed, atLeast: 'yellow' }, { type: 'total', indicatorId: lab, days: 2, atLeast: 3 }] });
    expect(condition && rowsFromCondition(condition)).toEqual({ combinator: 'all', count: 2, rows });
  });

  it('keeps one condition alone, caps "at least n" at the number of conditions, and gives nothing for no rows', () => {
    expect(conditionFromRows('any', 2, rows.slice(0, 1))).toEqual({ type: 'level', indicatorId: ed, atLeast: 'yellow' });
    expect(conditionFromRows('atLeast', 5, rows)).toMatchObject({ type: 'atLeast', count: 2 });
    expect(conditionFromRows('all', 2, [])).toBeNull();
  });
});
