import { describe, expect, it } from 'vitest';
import type { CorrectiveAction } from '../../../../src/domain/aar';
import { hicsPositions } from '../../../../src/domain/hics';
import { QualificationSchema, type Staff } from '../../../../src/domain/roster/staff';
import type { Plan, PlanVersion } from '../../../../src/domain/plans/plans';
import type { ChecklistItemTemplate } from '../../../../src/domain/plans/plan-content';
import { currencyPart, exercisePart, planReadiness, rankReadiness, reservesPart, trainingCode, trainingPart, type ReadinessInput } from '../../../../src/domain/plans/readiness';

const utc = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;
const ADOPTED = utc('2026-01-10T08:00:00Z');
const NOW = utc('2026-06-01T00:00:00Z');
const text = (en: string) => ({ 'zh-CN': en, en });

const item = (id: string, positionId: string, phase: ChecklistItemTemplate['phase'] = 'response'): ChecklistItemTemplate => ({ id, phase, positionId, band: 'immediate', fromLevel: 'IV', text: text(id) });

function version(over: Partial<PlanVersion> = {}): PlanVersion {
  return {
    id: 'v1', space: 's', planId: 'p1', major: 1, minor: 0, status: 'approved',
    content: {
      sections: [{ key: 'purpose', title: text('Purpose'), body: text('Body') }],
      activationCriteria: [],
      checklist: [item('a', 'ic'), item('b', 'ops.medical-care.casualty-care'), item('c', 'ic'), item('r1', 'safety', 'readiness'), item('x1', 'ops', 'reduction'), item('z', 'logistics', 'recovery')],
    },
    createdAt: ADOPTED, createdBy: 'u', approval: { userId: 'u', role: 'incident_commander', name: 'Wang', at: ADOPTED }, updatedAt: ADOPTED,
    ...over,
  };
}

function plan(over: Partial<Plan> = {}): Plan {
  return {
    id: 'p1', space: 's', code: 'MCI-01', title: text('Mass casualty'), kind: 'hazard', hazards: ['mass_casualty'], ownerDept: text('ED'),
    reviewCycleMonths: 24, exerciseCycleMonths: 36, approverRole: 'incident_commander', status: 'active',
    currentVersionId: 'v1', adoptedAt: ADOPTED, lastReviewedAt: ADOPTED, reviews: [], exercises: [],
    createdAt: ADOPTED, createdBy: 'u', updatedAt: ADOPTED,
    ...over,
  };
}

const person = (...codes: [string, number?][]): Pick<Staff, 'qualifications' | 'retiredAt'> => ({
  qualifications: codes.map(([code, expiresAt]) => (expiresAt === undefined ? { code } : { code, expiresAt })),
});
const trained = (n: number, code: string) => Array.from({ length: n }, () => person([code]));

const action = (status: CorrectiveAction['status'], planId = 'p1'): CorrectiveAction => ({
  id: `a-${Math.random()}`, space: 's', incidentId: 'i', improvementId: 'm', action: 'Fix', owner: 'Li', dueAt: NOW, status,
  plan: { planId, section: 'procedures' }, createdAt: ADOPTED, createdBy: 'u', updatedAt: ADOPTED,
});

const exercised = (at: number, kind: Plan['exercises'][number]['kind'] = 'drill') => ({ lastExercisedAt: at, exercises: [{ at, by: 'u', kind, note: '' }] });

describe('plan currency', () => {
  it('is 0 without an approved version in force, naming a version waiting in review', () => {
    const part = currencyPart(plan({ currentVersionId: undefined, adoptedAt: undefined, lastReviewedAt: undefined }), undefined, version({ status: 'in_review' }), [], NOW);
    expect(part.score).toBe(0);
    expect(part.reason.code).toBe('no_approved_version');
    expect(part.facts).toContainEqual({ code: 'version_in_review', values: { version: '1.0' } });
  });

  it('is full within the review cycle, 70 when due within 60 days, 20 once overdue', () => {
    expect(currencyPart(plan(), version(), undefined, [], NOW)).toMatchObject({ score: 100, reason: { code: 'review_ok', values: { date: '2028-01-10' } } });
    expect(currencyPart(plan(), version(), undefined, [], utc('2027-12-01T00:00:00Z')).score).toBe(70);
    expect(currencyPart(plan(), version(), undefined, [], utc('2028-01-11T00:00:00Z'))).toMatchObject({ score: 20, reason: { code: 'review_overdue' } });
  });

  it('loses 30 for a review since the approval that asked for a revision, and 10 per corrective action still open (at most 30)', () => {
    const asked = plan({ reviews: [{ at: ADOPTED + 10 * DAY, by: 'u', outcome: 'revision_needed', note: '' }] });
    expect(currencyPart(asked, version(), undefined, [], NOW)).toMatchObject({ score: 70, reason: { code: 'revision_needed', values: { date: '2026-01-20' } } });
    // Two open, one done, one against another plan: 100 − 30 − 20 = 50.
    const actions = [action('open'), action('in_progress'), action('done'), action('open', 'p2')];
    const part = currencyPart(asked, version(), undefined, actions, NOW);
    expect(part.score).toBe(50);
    expect(part.facts).toContainEqual({ code: 'open_actions', values: { count: 2 } });
    expect(currencyPart(plan(), version(), undefined, [1, 2, 3, 4, 5].map(() => action('open')), NOW).score).toBe(70);
  });

  it('reads a review entered for the minute of the approval (times are entered to the minute) as after it', () => {
    const sameMinute = plan({ reviews: [{ at: ADOPTED + 10_000, by: 'u', outcome: 'revision_needed', note: '' }] });
    expect(currencyPart(sameMinute, version({ approval: { userId: 'u', role: 'incident_commander', name: 'Wang', at: ADOPTED + 30_000 } }), undefined, [], NOW).score).toBe(70);
    const before = plan({ reviews: [{ at: ADOPTED - 60_001, by: 'u', outcome: 'revision_needed', note: '' }] });
    expect(currencyPart(before, version(), undefined, [], NOW).score).toBe(100);
  });

  it('lifts the revision penalty once a later version is approved, and when a later review found no change', () => {
    const asked = plan({ reviews: [{ at: ADOPTED + 10 * DAY, by: 'u', outcome: 'revision_needed', note: '' }] });
    const revised = version({ id: 'v2', approval: { userId: 'u', role: 'incident_commander', name: 'Wang', at: ADOPTED + 20 * DAY } });
    expect(currencyPart({ ...asked, currentVersionId: 'v2' }, revised, undefined, [], NOW).score).toBe(100);
    const settled = plan({ reviews: [...asked.reviews, { at: ADOPTED + 30 * DAY, by: 'u', outcome: 'no_change', note: '' }] });
    expect(currencyPart(settled, version(), undefined, [], NOW).score).toBe(100);
  });
});

describe('last exercise', () => {
  it('is 0 for a plan never exercised, even in its first exercise cycle, and a real activation does not count', () => {
    const part = exercisePart(plan({ exercises: [{ at: NOW - DAY, by: 'u', kind: 'real_activation', note: '' }] }), NOW);
    expect(part).toMatchObject({ score: 0, reason: { code: 'never_exercised' } });
    expect(part.facts).toContainEqual({ code: 'real_activation', values: { date: '2026-05-31' } });
  });

  it('follows the exercise clock: full, 70 in the last 60 days of the cycle, 20 overdue', () => {
    const p = plan(exercised(utc('2025-01-01T00:00:00Z')));
    expect(exercisePart(p, NOW)).toMatchObject({ score: 100, reason: { code: 'exercise_ok', values: { date: '2028-01-01' } } });
    expect(exercisePart(p, utc('2027-12-01T00:00:00Z')).score).toBe(70);
    expect(exercisePart(p, utc('2028-01-02T00:00:00Z')).score).toBe(20);
    expect(exercisePart(p, NOW).facts[0]).toEqual({ code: 'last_exercise', values: { kind: 'drill', date: '2025-01-01' } });
  });

  it('scales by the last exercise’s ratings where given: P 100, S 85, M 50, U 20', () => {
    const p = plan(exercised(utc('2026-03-01T00:00:00Z'), 'tabletop'));
    expect(exercisePart(p, NOW, ['P', 'S']).score).toBe(93); // (100 + 85) / 2 = 92.5
    const weak = exercisePart(p, NOW, ['M', 'U']);
    expect(weak.score).toBe(35);
    expect(weak.reason).toEqual({ code: 'ratings', values: { P: 0, S: 0, M: 1, U: 1 } });
  });
});

describe('training for key positions', () => {
  it('names each position’s code from the last part of its id, unique across the chart and a valid qualification code', () => {
    expect(trainingCode('ops.medical-care.casualty-care')).toBe('HICS-casualty-care');
    expect(trainingCode('ic')).toBe('HICS-ic');
    const codes = hicsPositions.map((p) => trainingCode(p.id));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(QualificationSchema.safeParse({ code }).success, code).toBe(true);
  });

  it('counts the response checklist’s positions; three trained staff in service cover one, fewer earn a third each', () => {
    const staff = [...trained(3, 'hics-ic'), person(['HICS-casualty-care']), { ...person(['HICS-casualty-care']), retiredAt: NOW - DAY }];
    const part = trainingPart(version(), staff, NOW);
    // ic: 3 of 3 = 1; casualty-care: 1 of 3 (the retired one does not count); mean (1 + 1/3) / 2 = 66.7.
    expect(part.score).toBe(67);
    expect(part.reason).toEqual({ code: 'positions_short', values: { short: 1, total: 2, needed: 3 } });
    expect(part.facts).toEqual([
      { code: 'position', values: { position: 'ic', code: 'HICS-ic', trained: 3, needed: 3, expiring: 0 } },
      { code: 'position', values: { position: 'ops.medical-care.casualty-care', code: 'HICS-casualty-care', trained: 1, needed: 3, expiring: 0 } },
    ]);
  });

  it('leaves out a lapsed qualification, counts one lapsing within 60 days and flags it, and counts a person once', () => {
    const staff = [person(['HICS-ic', NOW - DAY]), person(['HICS-ic', NOW + 10 * DAY]), person(['HICS-ic'], ['HICS-IC']), ...trained(3, 'HICS-casualty-care')];
    const part = trainingPart(version(), staff, NOW);
    expect(part.facts[0]).toEqual({ code: 'position_expiring', values: { position: 'ic', code: 'HICS-ic', trained: 2, needed: 3, expiring: 1 } });
    expect(part.score).toBe(83); // (2/3 + 1) / 2
    const full = trainingPart(version(), [...trained(2, 'HICS-ic'), person(['HICS-ic', NOW + 10 * DAY]), ...trained(3, 'HICS-casualty-care')], NOW);
    expect(full).toMatchObject({ score: 100, reason: { code: 'training_expiring', values: { count: 1 } } });
  });

  it('is 0 with nobody trained, and 0 with a reason when there is no version or no response checklist', () => {
    expect(trainingPart(version(), [], NOW).score).toBe(0);
    expect(trainingPart(undefined, trained(3, 'HICS-ic'), NOW)).toMatchObject({ score: 0, reason: { code: 'no_version' } });
    const noResponse = version({ content: { ...version().content, checklist: [item('r1', 'safety', 'readiness')] } });
    expect(trainingPart(noResponse, [], NOW)).toMatchObject({ score: 0, reason: { code: 'no_key_positions' } });
  });
});

describe('reserve coverage', () => {
  it('is 0 with the reason when no item has a standing quota', () => {
    expect(reservesPart([{ item: 'N95', status: null }])).toEqual({ key: 'reserves', score: 0, reason: { code: 'no_quotas', values: {} }, facts: [] });
    expect(reservesPart([]).reason.code).toBe('no_quotas');
  });

  it('averages green 100, yellow 50, red 0 over the items with a quota, listing those short', () => {
    const part = reservesPart([{ item: 'N95', status: 'green' }, { item: 'Gowns', status: 'yellow' }, { item: 'Saline', status: 'red' }, { item: 'Tape', status: null }]);
    expect(part.score).toBe(50);
    expect(part.reason).toEqual({ code: 'reserves_short', values: { short: 2, total: 3 } });
    expect(part.facts).toEqual([{ code: 'reserve_yellow', values: { item: 'Gowns' } }, { code: 'reserve_red', values: { item: 'Saline' } }]);
  });
});

describe('the overall score', () => {
  const base = (over: Partial<ReadinessInput> = {}): ReadinessInput => ({
    plan: plan(exercised(utc('2026-03-01T00:00:00Z'))), current: version(), open: undefined, correctiveActions: [],
    staff: [...trained(3, 'HICS-ic'), ...trained(3, 'HICS-casualty-care')], reserves: [{ item: 'N95', status: 'green' }], now: NOW, ...over,
  });

  it('is 100 when every part is', () => {
    const r = planReadiness(base());
    expect(r.parts.map((p) => [p.key, p.score])).toEqual([['currency', 100], ['exercise', 100], ['training', 100], ['reserves', 100]]);
    expect(r.score).toBe(100);
  });

  it('is the mean of the parts: one part at 0 costs a quarter, not everything', () => {
    expect(planReadiness(base({ reserves: [] })).score).toBe(75);
    // currency 100, exercise 0, training (1 + 1/3)/2 = 67, reserves 50: 217 / 4 = 54.25.
    const r = planReadiness(base({ plan: plan(), staff: [...trained(3, 'HICS-ic'), person(['HICS-casualty-care'])], reserves: [{ item: 'N95', status: 'yellow' }] }));
    expect(r.score).toBe(54);
  });

  it('reads a plan never approved from its draft: 0 for currency, its draft’s positions for training', () => {
    const draft = version({ status: 'draft', approval: undefined });
    const r = planReadiness(base({ plan: plan({ currentVersionId: undefined, adoptedAt: undefined, lastReviewedAt: undefined }), current: undefined, open: draft, staff: [], reserves: [] }));
    expect(r.parts.map((p) => p.score)).toEqual([0, 0, 0, 0]);
    expect(r.parts[2]?.reason.code).toBe('positions_short');
    expect(r.score).toBe(0);
  });

  it('lists the reduction and readiness items to do, not response or recovery', () => {
    expect(planReadiness(base()).todo.map((t) => [t.phase, t.id, t.positionId])).toEqual([['readiness', 'r1', 'safety'], ['reduction', 'x1', 'ops']]);
  });

  it('ranks the plan most in need first, ties by code', () => {
    const a = { ...planReadiness(base()), code: 'B' };
    const b = { ...planReadiness(base({ reserves: [] })), code: 'A' };
    const c = { ...planReadiness(base()), code: 'A' };
    expect(rankReadiness([a, b, c]).map((r) => [r.code, r.score])).toEqual([['A', 75], ['A', 100], ['B', 100]]);
  });
});
