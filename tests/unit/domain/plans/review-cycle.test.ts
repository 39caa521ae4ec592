import { describe, expect, it } from 'vitest';
import { addMonths, exerciseStatus, reviewStatus } from '../../../../src/domain/plans/review-cycle';
import type { Plan } from '../../../../src/domain/plans/plans';

const utc = (iso: string) => Date.parse(iso);
type CyclePlan = Pick<Plan, 'status' | 'reviewCycleMonths' | 'exerciseCycleMonths' | 'adoptedAt' | 'lastReviewedAt' | 'lastExercisedAt'>;
const plan = (over: Partial<CyclePlan> = {}): CyclePlan => ({ status: 'active', reviewCycleMonths: 24, exerciseCycleMonths: 36, ...over });

describe('calendar months', () => {
  it('lands on the same day and time, or on the last day of a shorter month', () => {
    expect(new Date(addMonths(utc('2024-03-15T08:00:00Z'), 24)).toISOString()).toBe('2026-03-15T08:00:00.000Z');
    expect(new Date(addMonths(utc('2024-02-29T10:00:00Z'), 24)).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(new Date(addMonths(utc('2024-01-31T00:00:00Z'), 1)).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(new Date(addMonths(utc('2025-11-30T23:30:00Z'), 3)).toISOString()).toBe('2026-02-28T23:30:00.000Z');
  });
});

describe('the review cycle (every 2 years)', () => {
  const adopted = plan({ adoptedAt: utc('2024-03-15T08:00:00Z'), lastReviewedAt: utc('2024-03-15T08:00:00Z') });

  it('has no clock before a first approval', () => {
    expect(reviewStatus(plan(), utc('2030-01-01T00:00:00Z'))).toEqual({ state: 'none', dueAt: null });
  });

  it('is due two years after approval, amber from 60 days before, overdue once the moment passed', () => {
    const due = utc('2026-03-15T08:00:00Z');
    expect(reviewStatus(adopted, utc('2026-01-14T07:59:00Z'))).toEqual({ state: 'ok', dueAt: due });
    // 2026-01-14 to 2026-03-15 is 17 + 28 + 15 = 60 days.
    expect(reviewStatus(adopted, utc('2026-01-14T08:00:00Z')).state).toBe('due_soon');
    expect(reviewStatus(adopted, due).state).toBe('due_soon');
    expect(reviewStatus(adopted, due + 1).state).toBe('overdue');
  });

  it('restarts from a later review', () => {
    const reviewed = { ...adopted, lastReviewedAt: utc('2025-09-10T02:00:00Z') };
    expect(reviewStatus(reviewed, utc('2026-06-01T00:00:00Z'))).toEqual({ state: 'ok', dueAt: utc('2027-09-10T02:00:00Z') });
  });

  it('follows a cycle the hospital shortened', () => {
    expect(reviewStatus({ ...adopted, reviewCycleMonths: 12 }, utc('2025-03-16T00:00:00Z')).state).toBe('overdue');
  });

  it('stops for a retired plan', () => {
    expect(reviewStatus({ ...adopted, status: 'retired' }, utc('2030-01-01T00:00:00Z')).state).toBe('none');
  });
});

describe('the exercise cycle (at least every 3 years)', () => {
  it('counts from adoption for a plan never exercised, so a new plan is not overdue', () => {
    const adopted = plan({ adoptedAt: utc('2024-03-15T08:00:00Z') });
    expect(exerciseStatus(adopted, utc('2024-03-15T08:00:00Z')).state).toBe('ok');
    expect(exerciseStatus(adopted, utc('2027-03-15T08:00:01Z'))).toEqual({ state: 'overdue', dueAt: utc('2027-03-15T08:00:00Z') });
  });

  it('counts from the last exercise', () => {
    const drilled = plan({ adoptedAt: utc('2024-03-15T08:00:00Z'), lastExercisedAt: utc('2025-06-01T01:00:00Z') });
    // 2028-04-01 is 61 days before 2028-06-01 (30 + 31), 2028-04-03 is 59.
    expect(exerciseStatus(drilled, utc('2028-04-01T00:00:00Z'))).toEqual({ state: 'ok', dueAt: utc('2028-06-01T01:00:00Z') });
    expect(exerciseStatus(drilled, utc('2028-04-03T00:00:00Z')).state).toBe('due_soon');
    expect(exerciseStatus(drilled, utc('2028-06-02T00:00:00Z')).state).toBe('overdue');
  });
});
