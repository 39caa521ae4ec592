import { z } from 'zod';
import type { CorrectiveAction } from '../aar';
import type { ReserveStatus } from '../resources';
import type { Staff } from '../roster';
import { PlanPhaseSchema, PlanTextSchema } from './plan-content';
import { versionLabel, type Plan, type PlanVersion } from './plans';
import { DUE_SOON_DAYS, exerciseStatus, reviewStatus, type CycleStatus } from './review-cycle';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * The 4R readiness of one plan, in four parts scored 0–100 (wave-2 §2 and idea 8). The overall score is the mean
 * of the parts, not their product: a product drops to 0 when any one part is 0, so a plan with no reserve quotas
 * would read the same as a plan nobody ever approved, and work on the other parts would not move the number. With
 * the mean every part a hospital improves raises the score, and the parts stay beside it to show the weak one.
 */
export const ReadinessPartKeySchema = z.enum(['currency', 'exercise', 'training', 'reserves']);
export type ReadinessPartKey = z.infer<typeof ReadinessPartKeySchema>;

/** What a finding can say; each has its sentence in both languages on the screen. */
export const ReadinessNoteCodeSchema = z.enum([
  'no_approved_version', 'version_in_review', 'version_draft', 'review_ok', 'review_due_soon', 'review_overdue', 'revision_needed', 'open_actions',
  'never_exercised', 'real_activation', 'last_exercise', 'exercise_ok', 'exercise_due_soon', 'exercise_overdue', 'ratings',
  'no_version', 'no_key_positions', 'position', 'position_expiring', 'positions_short', 'training_expiring', 'positions_covered',
  'no_quotas', 'reserves_short', 'reserves_full', 'reserve_yellow', 'reserve_red',
]);
export type ReadinessNoteCode = z.infer<typeof ReadinessNoteCodeSchema>;

/** A finding in words the screen translates: a code and the figures it names. */
export const ReadinessNoteSchema = z.object({
  code: ReadinessNoteCodeSchema,
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ReadinessNote = z.infer<typeof ReadinessNoteSchema>;

export const ReadinessPartSchema = z.object({
  key: ReadinessPartKeySchema,
  score: z.number().int().min(0).max(100),
  /** The one finding that weighs most on the score. */
  reason: ReadinessNoteSchema,
  /** Everything the score was computed from, so nobody has to take the number on trust. */
  facts: z.array(ReadinessNoteSchema),
});
export type ReadinessPart = z.infer<typeof ReadinessPartSchema>;

/** A reduction or readiness item of the plan: work to do before any incident, listed beside the score. */
export const ReadinessTodoSchema = z.object({ id: z.string(), phase: PlanPhaseSchema, positionId: z.string(), text: PlanTextSchema });

export const PlanReadinessSchema = z.object({
  planId: z.string(),
  code: z.string(),
  title: PlanTextSchema,
  score: z.number().int().min(0).max(100),
  parts: z.array(ReadinessPartSchema),
  todo: z.array(ReadinessTodoSchema),
});
export type PlanReadiness = z.infer<typeof PlanReadinessSchema>;

const note = (code: ReadinessNoteCode, values: ReadinessNote['values'] = {}): ReadinessNote => ({ code, values });
const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** A cycle in force scores full, one due within 60 days 70, one overdue 20: late, but not as bad as never. */
const cycleScore: Record<Exclude<CycleStatus['state'], 'none'>, number> = { ok: 100, due_soon: 70, overdue: 20 };
/** Points off the review score for an unresolved "revision needed" and for each corrective action still open. */
export const REVISION_NEEDED_PENALTY = 30;
export const OPEN_ACTION_PENALTY = 10;
export const OPEN_ACTIONS_MAX_PENALTY = 30;

/**
 * Plan currency: an approved version in force, reviewed within its cycle, no review's "revision needed" and no
 * corrective action against the plan left open since the last approval. A version in review is reported, not
 * penalised: it is the fix on its way, and the approval that puts it in force lifts the penalties it answers.
 */
export function currencyPart(plan: Plan, current: PlanVersion | undefined, open: PlanVersion | undefined, actions: readonly CorrectiveAction[], now: number): ReadinessPart {
  const facts: ReadinessNote[] = [];
  if (open) facts.push(note(open.status === 'in_review' ? 'version_in_review' : 'version_draft', { version: versionLabel(open) }));
  if (!current || plan.currentVersionId === undefined) {
    return { key: 'currency', score: 0, reason: note('no_approved_version'), facts };
  }
  const review = reviewStatus(plan, now);
  const state = review.state === 'none' ? 'ok' : review.state;
  let score = cycleScore[state];
  const due = review.dueAt === null ? '' : isoDay(review.dueAt);
  const cycleNote = note(({ ok: 'review_ok', due_soon: 'review_due_soon', overdue: 'review_overdue' } as const)[state], { date: due });
  facts.push(cycleNote);
  const approvedAt = current.approval?.at ?? plan.adoptedAt ?? 0;
  const last = plan.reviews.reduce<Plan['reviews'][number] | undefined>((latest, r) => (latest === undefined || r.at >= latest.at ? r : latest), undefined);
  // People enter when a review was held to the minute, the approval is stamped to the ms: a review held in the
  // minute of the approval is read as after it, since the version it asks to revise is the one in force.
  const revisionNeeded = last?.outcome === 'revision_needed' && Math.floor(last.at / MINUTE) >= Math.floor(approvedAt / MINUTE) ? last : undefined;
  if (revisionNeeded) {
    score -= REVISION_NEEDED_PENALTY;
    facts.push(note('revision_needed', { date: isoDay(revisionNeeded.at) }));
  }
  const openActions = actions.filter((a) => a.plan?.planId === plan.id && a.status !== 'done');
  if (openActions.length > 0) {
    score -= Math.min(OPEN_ACTIONS_MAX_PENALTY, openActions.length * OPEN_ACTION_PENALTY);
    facts.push(note('open_actions', { count: openActions.length }));
  }
  const reason =
    state === 'overdue' ? cycleNote
    : revisionNeeded ? note('revision_needed', { date: isoDay(revisionNeeded.at) })
    : openActions.length > 0 ? note('open_actions', { count: openActions.length })
    : cycleNote;
  return { key: 'currency', score: clamp(score), reason, facts };
}

/** HSEEP ratings as a share of full marks: P and S good, M and U well below. */
export const ratingValue = { P: 100, S: 85, M: 50, U: 20 } as const;
export type Rating = keyof typeof ratingValue;

/**
 * Last exercise: the exercise clock (overdue is low), scaled by the mean rating of the last exercise's objectives
 * when the caller has them. Never exercised is 0, even though the clock of a new plan runs from its adoption: the
 * plan has not been tried. A real activation is listed but, as on the plan's clock, is no exercise.
 */
export function exercisePart(plan: Plan, now: number, lastRatings: readonly Rating[] = []): ReadinessPart {
  const facts: ReadinessNote[] = [];
  const real = plan.exercises.filter((e) => e.kind === 'real_activation').sort((a, b) => b.at - a.at)[0];
  if (real) facts.push(note('real_activation', { date: isoDay(real.at) }));
  const last = plan.exercises.filter((e) => e.kind !== 'real_activation').sort((a, b) => b.at - a.at)[0];
  if (plan.lastExercisedAt === undefined) return { key: 'exercise', score: 0, reason: note('never_exercised'), facts };
  const status = exerciseStatus(plan, now);
  const state = status.state === 'none' ? 'ok' : status.state;
  const cycleNote = note(({ ok: 'exercise_ok', due_soon: 'exercise_due_soon', overdue: 'exercise_overdue' } as const)[state], { date: status.dueAt === null ? '' : isoDay(status.dueAt) });
  facts.unshift(note('last_exercise', { kind: last?.kind ?? '', date: isoDay(plan.lastExercisedAt) }), cycleNote);
  let score = cycleScore[state];
  let reason = cycleNote;
  if (lastRatings.length > 0) {
    const mean = lastRatings.reduce((sum, r) => sum + ratingValue[r], 0) / lastRatings.length;
    score = (score * mean) / 100;
    const counts = { P: 0, S: 0, M: 0, U: 0 };
    for (const r of lastRatings) counts[r] += 1;
    const rated = note('ratings', counts);
    facts.push(rated);
    if (state !== 'overdue' && counts.M + counts.U > 0) reason = rated;
  }
  return { key: 'exercise', score: clamp(score), reason, facts };
}

/** Staff per key position for 24-hour cover: three shifts. */
export const DEPTH = 3;
/** A training record lapsing within this many days is flagged, as the plan's own clocks are. */
export const TRAINING_EXPIRING_DAYS = DUE_SOON_DAYS;

/**
 * The qualification code that says a person is trained for a HICS position: `HICS-` and the last part of the
 * position id (`ops.medical-care.casualty-care` → `HICS-casualty-care`). The last part is unique across the chart,
 * and the whole id would not fit the 40 characters a qualification code may have. Matched without regard to case.
 */
export function trainingCode(positionId: string): string {
  return `HICS-${positionId.slice(positionId.lastIndexOf('.') + 1)}`;
}

/** The response checklist's positions, in plan order: whom the plan counts on when it is activated. */
export function keyPositions(version: Pick<PlanVersion, 'content'> | undefined): string[] {
  return [...new Set((version?.content.checklist ?? []).filter((i) => i.phase === 'response').map((i) => i.positionId))];
}

/**
 * Training for key positions: each position earns full credit with `DEPTH` staff in service holding its unexpired
 * training code, a third less for each one missing; the part is the mean over the positions.
 */
export function trainingPart(version: Pick<PlanVersion, 'content'> | undefined, staff: readonly Pick<Staff, 'qualifications' | 'retiredAt'>[], now: number): ReadinessPart {
  const positions = keyPositions(version);
  if (positions.length === 0) return { key: 'training', score: 0, reason: note(version ? 'no_key_positions' : 'no_version'), facts: [] };
  const inService = staff.filter((s) => s.retiredAt === undefined);
  const soon = now + TRAINING_EXPIRING_DAYS * DAY;
  const facts: ReadinessNote[] = [];
  let credit = 0;
  let short = 0;
  let expiring = 0;
  for (const positionId of positions) {
    const code = trainingCode(positionId).toLowerCase();
    const held = inService.flatMap((s) => s.qualifications.filter((q) => q.code.trim().toLowerCase() === code && (q.expiresAt === undefined || q.expiresAt > now)).slice(0, 1));
    const lapsing = held.filter((q) => q.expiresAt !== undefined && q.expiresAt <= soon).length;
    credit += Math.min(held.length, DEPTH) / DEPTH;
    if (held.length < DEPTH) short += 1;
    expiring += lapsing;
    facts.push(note(lapsing > 0 ? 'position_expiring' : 'position', { position: positionId, code: trainingCode(positionId), trained: held.length, needed: DEPTH, expiring: lapsing }));
  }
  const reason = short > 0 ? note('positions_short', { short, total: positions.length, needed: DEPTH }) : expiring > 0 ? note('training_expiring', { count: expiring }) : note('positions_covered', { total: positions.length, needed: DEPTH });
  return { key: 'training', score: clamp((credit / positions.length) * 100), reason, facts };
}

const statusValue: Record<ReserveStatus, number> = { green: 100, yellow: 50, red: 0 };

/**
 * Reserve coverage against the standing quotas (the reserve kept in normal times): green full, yellow half, red
 * none, averaged over the items that have a quota. The hospital's reserve, the same for every plan: quotas are
 * set per item, not per hazard.
 */
export function reservesPart(rows: readonly { item: string; status: ReserveStatus | null }[]): ReadinessPart {
  const withQuota = rows.filter((r): r is { item: string; status: ReserveStatus } => r.status !== null);
  if (withQuota.length === 0) return { key: 'reserves', score: 0, reason: note('no_quotas'), facts: [] };
  const shortRows = withQuota.filter((r) => r.status !== 'green');
  const score = withQuota.reduce((sum, r) => sum + statusValue[r.status], 0) / withQuota.length;
  const reason = shortRows.length > 0 ? note('reserves_short', { short: shortRows.length, total: withQuota.length }) : note('reserves_full', { total: withQuota.length });
  return { key: 'reserves', score: clamp(score), reason, facts: shortRows.map((r) => note(r.status === 'red' ? 'reserve_red' : 'reserve_yellow', { item: r.item })) };
}

export type ReadinessInput = {
  plan: Plan;
  /** The approved version in force, and the version being written or reviewed, if any. */
  current: PlanVersion | undefined;
  open: PlanVersion | undefined;
  correctiveActions: readonly CorrectiveAction[];
  staff: readonly Pick<Staff, 'qualifications' | 'retiredAt'>[];
  reserves: readonly { item: string; status: ReserveStatus | null }[];
  /** The objective ratings of the plan's last exercise, where the caller may read them. */
  lastRatings?: readonly Rating[];
  now: number;
};

/** One plan's readiness: the four parts, their mean, and the plan's reduction and readiness items to do. */
export function planReadiness(input: ReadinessInput): PlanReadiness {
  const { plan, current, open, now } = input;
  // The version in force says whom the plan counts on; before a first approval, the one being written does.
  const text = current ?? open;
  const parts = [
    currencyPart(plan, current, open, input.correctiveActions, now),
    exercisePart(plan, now, input.lastRatings),
    trainingPart(text, input.staff, now),
    reservesPart(input.reserves),
  ];
  const todo = (text?.content.checklist ?? [])
    .filter((i) => i.phase === 'reduction' || i.phase === 'readiness')
    .map((i) => ({ id: i.id, phase: i.phase, positionId: i.positionId, text: i.text }));
  return { planId: plan.id, code: plan.code, title: plan.title, score: clamp(parts.reduce((sum, p) => sum + p.score, 0) / parts.length), parts, todo };
}

/** Lowest first, so the plan that most needs work heads the list; ties by code, to keep the order steady. */
export function rankReadiness(list: readonly PlanReadiness[]): PlanReadiness[] {
  return [...list].sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
}
