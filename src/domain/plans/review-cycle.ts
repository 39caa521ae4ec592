import type { Plan } from './plans';

const DAY = 24 * 60 * 60 * 1000;

/** How long before a due date the library shows it amber (60 days: our proposal). */
export const DUE_SOON_DAYS = 60;

/**
 * The same moment `months` calendar months later, in UTC; a day the target month lacks falls on its last day
 * (approved 2024-02-29 + 24 months is due 2026-02-28, not 2026-03-01). UTC rather than the hospital's zone:
 * the due moment then reads the same on every desk, and shifts by at most a day near midnight.
 */
export function addMonths(at: number, months: number): number {
  const d = new Date(at);
  const target = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(target / 12);
  const month = ((target % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** `none`: no clock yet (never approved); `ok`; `due_soon` within 60 days; `overdue` once the due moment passed. */
export type CycleStatus = { state: 'none' | 'ok' | 'due_soon' | 'overdue'; dueAt: number | null };

function cycle(from: number | undefined, months: number, now: number): CycleStatus {
  if (from === undefined) return { state: 'none', dueAt: null };
  const dueAt = addMonths(from, months);
  if (now > dueAt) return { state: 'overdue', dueAt };
  return { state: dueAt - now <= DUE_SOON_DAYS * DAY ? 'due_soon' : 'ok', dueAt };
}

type CyclePlan = Pick<Plan, 'status' | 'reviewCycleMonths' | 'exerciseCycleMonths' | 'adoptedAt' | 'lastReviewedAt' | 'lastExercisedAt'>;

/** Reviewed at least every `reviewCycleMonths` (CMS: 2 years), counted from the last approval or review. */
export function reviewStatus(plan: CyclePlan, now: number): CycleStatus {
  if (plan.status === 'retired') return { state: 'none', dueAt: null };
  return cycle(plan.lastReviewedAt ?? plan.adoptedAt, plan.reviewCycleMonths, now);
}

/**
 * Exercised at least every `exerciseCycleMonths` (China: special plans at least every 3 years), counted from the
 * last exercise, or from adoption for a plan never exercised: a new plan is not overdue the day it is approved.
 */
export function exerciseStatus(plan: CyclePlan, now: number): CycleStatus {
  if (plan.status === 'retired') return { state: 'none', dueAt: null };
  return cycle(plan.lastExercisedAt ?? plan.adoptedAt, plan.exerciseCycleMonths, now);
}
