import { describe, expect, it } from 'vitest';
import { defaultRosterRules } from '../../../src/domain/roster/roster';
import { checkShift, rosterWarnings } from '../../../src/domain/roster/roster-rules';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 23, 23, 0); // Monday 07:00 in Shanghai
const span = (fromH: number, hours: number) => ({ start: T + fromH * H, end: T + (fromH + hours) * H });
const rules = defaultRosterRules;

describe('roster fatigue rules', () => {
  it('accepts a 12 h day shift after a full rest', () => {
    expect(checkShift(span(24, 12), [span(0, 12)], rules)).toEqual([]);
  });

  it('refuses a shift that overlaps another of the same person', () => {
    expect(checkShift(span(4, 8), [span(0, 12)], rules).map((v) => v.rule)).toContain('overlap');
  });

  it('refuses back-to-back shifts that add up to more than 12 consecutive hours', () => {
    const found = checkShift(span(12, 8), [span(0, 12)], rules);
    expect(found).toContainEqual({ rule: 'consecutive', hours: 20, limit: 12 });
  });

  it('allows back-to-back shifts within the consecutive limit', () => {
    expect(checkShift(span(6, 6), [span(0, 6)], rules)).toEqual([]);
  });

  it('refuses a shift that leaves less than 10 h rest, naming the rest it leaves', () => {
    // Day 07-19, then night from 23:00 the same day: 4 h of rest.
    expect(checkShift(span(16, 8), [span(0, 12)], rules)).toContainEqual({ rule: 'rest', hours: 4, limit: 10 });
    // The rest before the candidate counts too: a shift ending 6 h before the next one starts.
    expect(checkShift(span(0, 8), [span(14, 8)], rules)).toContainEqual({ rule: 'rest', hours: 6, limit: 10 });
  });

  it('refuses a sixth 12 h shift in seven days under the 60 h weekly limit', () => {
    const week = [0, 1, 2, 3, 4].map((d) => span(d * 24, 12));
    expect(checkShift(span(5 * 24, 12), week, rules)).toContainEqual({ rule: 'weekly', hours: 72, limit: 60 });
    expect(checkShift(span(5 * 24, 12), week.slice(1), rules)).toEqual([]);
  });

  it('uses the space rules it is given, not the defaults', () => {
    expect(checkShift(span(20, 8), [span(0, 12)], { ...rules, minRestHours: 8 })).toEqual([]);
    expect(checkShift(span(20, 8), [span(0, 12)], rules).map((v) => v.rule)).toEqual(['rest']);
  });

  it('warns on every shift of a person that breaks a rule while planning', () => {
    const base = { space: 's', unit: 'ED', role: 'nurse' as const, shiftCode: 'D12', assignedAt: 0, assignedBy: 'x' };
    const shifts = [
      { ...base, id: 'a', staffId: 'p1', ...span(0, 12) },
      { ...base, id: 'b', staffId: 'p1', ...span(16, 8) },
      { ...base, id: 'c', staffId: 'p2', ...span(16, 8) },
    ];
    const warnings = rosterWarnings(shifts, rules);
    expect([...warnings.keys()].sort()).toEqual(['a', 'b']);
  });
});
