import type { RosterRulesFields, RosterShift } from './roster';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

type Span = Pick<RosterShift, 'start' | 'end'>;

/** A fatigue or safety rule a planned shift breaks, with the numbers the message needs. */
export type RuleViolation =
  | { rule: 'overlap'; otherStart: number; otherEnd: number }
  | { rule: 'consecutive'; hours: number; limit: number }
  | { rule: 'rest'; hours: number; limit: number }
  | { rule: 'weekly'; hours: number; limit: number };

const round = (hours: number): number => Math.round(hours * 10) / 10;

/**
 * The rules `candidate` breaks given the person's other shifts. Pure, so the planner's warnings and the
 * mutator's refusal (client and server) come from the same code.
 */
export function checkShift(candidate: Span, others: readonly Span[], rules: RosterRulesFields): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const overlap = others.find((o) => o.start < candidate.end && candidate.start < o.end);
  if (overlap) violations.push({ rule: 'overlap', otherStart: overlap.start, otherEnd: overlap.end });

  const all = [...others.filter((o) => o !== overlap), candidate].sort((a, b) => a.start - b.start);
  // Shifts that touch (no gap) are one stretch of work; its length is what the consecutive-hours limit caps.
  let blockStart = candidate.start;
  let blockEnd = candidate.end;
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of all) {
      const touches = s.start <= blockEnd && s.end >= blockStart;
      if (touches && (s.start < blockStart || s.end > blockEnd)) {
        blockStart = Math.min(blockStart, s.start);
        blockEnd = Math.max(blockEnd, s.end);
        grew = true;
      }
    }
  }
  const stretch = (blockEnd - blockStart) / HOUR;
  if (stretch > rules.maxConsecutiveHours) violations.push({ rule: 'consecutive', hours: round(stretch), limit: rules.maxConsecutiveHours });

  // Rest: the gap to the nearest shift before and after the stretch, when there is a gap at all.
  const before = all.filter((s) => s.end < blockStart).reduce((m, s) => Math.max(m, s.end), -Infinity);
  const after = all.filter((s) => s.start > blockEnd).reduce((m, s) => Math.min(m, s.start), Infinity);
  const gaps = [blockStart - before, after - blockEnd].filter(Number.isFinite).map((g) => g / HOUR);
  const shortest = Math.min(...gaps);
  if (gaps.length > 0 && shortest < rules.minRestHours) violations.push({ rule: 'rest', hours: round(shortest), limit: rules.minRestHours });

  const weekly = maxWeeklyHours(candidate, all);
  if (weekly > rules.maxWeeklyHours) violations.push({ rule: 'weekly', hours: round(weekly), limit: rules.maxWeeklyHours });
  return violations;
}

/** The most hours worked in any rolling 7 days that include the candidate (windows start at a shift start). */
function maxWeeklyHours(candidate: Span, all: readonly Span[]): number {
  let most = 0;
  const starts = all.map((s) => s.start).filter((t) => t > candidate.start - WEEK && t <= candidate.start);
  for (const from of starts) {
    const to = from + WEEK;
    const hours = all.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, to) - Math.max(s.start, from)), 0) / HOUR;
    most = Math.max(most, hours);
  }
  return most;
}

/** Every rule each of one person's shifts breaks against the rest: the planner's warnings. */
export function rosterWarnings(shifts: readonly RosterShift[], rules: RosterRulesFields): Map<string, RuleViolation[]> {
  const warnings = new Map<string, RuleViolation[]>();
  for (const list of shiftsByPerson(shifts).values()) for (const [id, found] of personWarnings(list, rules)) warnings.set(id, found);
  return warnings;
}

/**
 * The rules each shift of one person's `list` breaks against the others in it. A person's warnings depend on
 * their own shifts only, so a planner can keep everyone else's when one person's shifts change.
 */
export function personWarnings(list: readonly RosterShift[], rules: RosterRulesFields): Map<string, RuleViolation[]> {
  const warnings = new Map<string, RuleViolation[]>();
  for (const shift of list) {
    const found = checkShift(shift, list.filter((o) => o.id !== shift.id), rules);
    if (found.length > 0) warnings.set(shift.id, found);
  }
  return warnings;
}

/** Shifts grouped by person, each list in the order of `shifts`. */
export function shiftsByPerson(shifts: readonly RosterShift[]): Map<string, RosterShift[]> {
  const byPerson = new Map<string, RosterShift[]>();
  for (const s of shifts) {
    const list = byPerson.get(s.staffId);
    if (list) list.push(s);
    else byPerson.set(s.staffId, [s]);
  }
  return byPerson;
}
