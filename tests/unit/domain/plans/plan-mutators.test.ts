import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors';
import { newId } from '../../../../src/domain/ids';
import { examplePlans } from '../../../../src/domain/plans/example-plans';
import { exerciseStatus, reviewStatus } from '../../../../src/domain/plans/review-cycle';
import { makeActor } from '../../../fixtures/actors';
import { commander, operator, planningChief, planWorld } from './plan-fixture';

const utc = (iso: string) => Date.parse(iso);
const LOADED = utc('2024-03-01T02:00:00Z');
const APPROVED = utc('2024-03-15T08:00:00Z');

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('loading and approving a plan', () => {
  it('loads an example as a draft 1.0 with no review or exercise clock yet', async () => {
    const w = await planWorld(LOADED);
    const plan = await w.plan();
    expect(plan.code).toBe('MCI-01');
    expect(plan.currentVersionId).toBeUndefined();
    expect(reviewStatus(plan, utc('2030-01-01T00:00:00Z')).state).toBe('none');
    const version = await w.version();
    expect([version.status, version.major, version.minor]).toEqual(['draft', 1, 0]);
    expect(version.content.checklist.length).toBe(examplePlans.mass_casualty.content.checklist.length);
  });

  it('imports a hospital’s own plan document as a draft, and refuses a document that does not parse, changing nothing', async () => {
    const w = await planWorld(LOADED);
    const doc = { ...examplePlans.respiratory_infection, code: 'ID-RESP-02', reviewCycleMonths: 12 };
    const planId = newId();
    await w.run('plan.import', { planId, versionId: newId(), document: doc }, LOADED, planningChief);
    expect((await w.tx.get('plan', planId))?.reviewCycleMonths).toBe(12);
    const broken = { ...doc, code: 'ID-RESP-03', content: { ...doc.content, checklist: [{ ...doc.content.checklist[0], band: 'someday' }] } };
    const error = await refusal(w.run('plan.import', { planId: newId(), versionId: newId(), document: broken }, LOADED, planningChief));
    expect(error.code).toBe('invalid_args');
    expect(error.message).toMatch(/document\.content\.checklist\.0\.band/);
    expect(await w.tx.query('plan', 'demo-hospital')).toHaveLength(2);
  });

  it('refuses a second plan with the same code', async () => {
    const w = await planWorld(LOADED);
    const error = await refusal(w.run('plan.loadExample', { planId: newId(), versionId: newId(), example: 'mass_casualty' }, LOADED, planningChief));
    expect(error.code).toBe('already_exists');
  });

  it('refuses plan writing to a role without plan.manage', async () => {
    const w = await planWorld(LOADED);
    expect((await refusal(w.run('plan.submitForReview', { versionId: w.versionId }, LOADED, operator))).code).toBe('forbidden');
  });

  it('is approved only by the role the plan names, under the approver’s name, and starts both clocks', async () => {
    const w = await planWorld(LOADED);
    await w.run('plan.submitForReview', { versionId: w.versionId }, APPROVED, planningChief);
    const byPlanner = await refusal(w.run('plan.approve', { versionId: w.versionId, name: 'Li Na' }, APPROVED, planningChief));
    expect(byPlanner.code).toBe('forbidden');
    expect((await w.version()).status).toBe('in_review');
    await w.run('plan.approve', { versionId: w.versionId, name: '院长 王建国' }, APPROVED, commander);
    const version = await w.version();
    expect(version.status).toBe('approved');
    expect(version.approval).toEqual({ userId: commander.userId, role: 'incident_commander', name: '院长 王建国', at: APPROVED });
    const plan = await w.plan();
    expect([plan.currentVersionId, plan.adoptedAt, plan.lastReviewedAt]).toEqual([w.versionId, APPROVED, APPROVED]);
    expect(reviewStatus(plan, utc('2026-03-16T00:00:00Z')).state).toBe('overdue');
    expect(exerciseStatus(plan, utc('2026-03-16T00:00:00Z')).state).toBe('ok');
  });

  it('lets an administrator stand in for the approver, and records that it was the administrator', async () => {
    const w = await planWorld(LOADED);
    await w.run('plan.submitForReview', { versionId: w.versionId }, APPROVED, planningChief);
    await w.run('plan.approve', { versionId: w.versionId, name: 'IT admin on behalf of the president' }, APPROVED, makeActor('admin'));
    expect((await w.version()).approval?.role).toBe('admin');
  });

  it('does not approve a draft that was never put to review, nor edit an approved version', async () => {
    const w = await planWorld(LOADED);
    expect((await refusal(w.run('plan.approve', { versionId: w.versionId, name: 'x' }, APPROVED))).code).toBe('invalid_transition');
    await w.approve(w.versionId, APPROVED);
    const content = (await w.version()).content;
    expect((await refusal(w.run('plan.updateDraft', { versionId: w.versionId, content }, APPROVED, planningChief))).code).toBe('invalid_transition');
  });
});

describe('revisions', () => {
  it('records which of the six triggers forces a revision, and supersedes the old version on approval', async () => {
    const w = await planWorld(LOADED);
    await w.approve(w.versionId, APPROVED);
    const next = newId();
    const at = utc('2025-05-20T03:00:00Z');
    await w.run('plan.revise', { versionId: next, planId: w.planId, trigger: 'lessons_from_response_or_exercise', summary: 'Triage point moved after the May drill', sectionsChanged: ['procedures'] }, at, planningChief);
    const draft = await w.version(next);
    expect([draft.status, draft.major, draft.minor]).toEqual(['draft', 1, 1]);
    expect(draft.revision).toEqual({ fromVersionId: w.versionId, trigger: 'lessons_from_response_or_exercise', summary: 'Triage point moved after the May drill', sectionsChanged: ['procedures'] });

    const second = await refusal(w.run('plan.revise', { versionId: newId(), planId: w.planId, trigger: 'risk_changed', summary: 'x' }, at, planningChief));
    expect(second.code).toBe('invalid_transition');

    await w.approve(next, at + 1000);
    expect((await w.version()).status).toBe('superseded');
    expect((await w.version()).endedAt).toBe(at + 1000);
    expect((await w.plan()).currentVersionId).toBe(next);
    expect((await w.plan()).adoptedAt).toBe(APPROVED);
  });

  it('refuses a trigger that is not one of the six', async () => {
    const w = await planWorld(LOADED);
    await w.approve(w.versionId, APPROVED);
    const error = await refusal(w.run('plan.revise', { versionId: newId(), planId: w.planId, trigger: 'felt_like_it', summary: 'x' }, APPROVED, planningChief));
    expect(error.code).toBe('invalid_args');
  });

  it('numbers a major revision from the highest version', async () => {
    const w = await planWorld(LOADED);
    await w.approve(w.versionId, APPROVED);
    const next = newId();
    await w.run('plan.revise', { versionId: next, planId: w.planId, trigger: 'law_or_standard_changed', summary: 'New national plan', major: true }, APPROVED, planningChief);
    expect([(await w.version(next)).major, (await w.version(next)).minor]).toEqual([2, 0]);
  });
});

describe('reviews and exercises', () => {
  it('restarts the review clock on a review with no change, and the exercise clock on a drill but not a real activation', async () => {
    const w = await planWorld(LOADED);
    await w.approve(w.versionId, APPROVED);
    await w.run('plan.recordReview', { planId: w.planId, outcome: 'no_change', at: utc('2025-09-10T02:00:00Z') }, utc('2025-09-11T00:00:00Z'), planningChief);
    await w.run('plan.recordExercise', { planId: w.planId, kind: 'tabletop', note: 'Bus crash tabletop', at: utc('2025-06-01T01:00:00Z') }, utc('2025-06-02T00:00:00Z'), planningChief);
    await w.run('plan.recordExercise', { planId: w.planId, kind: 'real_activation', at: utc('2026-01-01T00:00:00Z') }, utc('2026-01-02T00:00:00Z'), planningChief);
    const plan = await w.plan();
    expect(reviewStatus(plan, utc('2026-06-01T00:00:00Z')).dueAt).toBe(utc('2027-09-10T02:00:00Z'));
    expect(exerciseStatus(plan, utc('2026-06-01T00:00:00Z')).dueAt).toBe(utc('2028-06-01T01:00:00Z'));
    expect(plan.exercises.map((e) => e.kind)).toEqual(['tabletop', 'real_activation']);
  });

  it('refuses a review dated in the future', async () => {
    const w = await planWorld(LOADED);
    await w.approve(w.versionId, APPROVED);
    const error = await refusal(w.run('plan.recordReview', { planId: w.planId, outcome: 'no_change', at: APPROVED + 60_000 }, APPROVED, planningChief));
    expect(error.code).toBe('invalid_args');
    expect((await w.plan()).reviews).toEqual([]);
  });

  it('retires a plan: its version leaves force and the clocks stop', async () => {
    const w = await planWorld(LOADED);
    await w.approve(w.versionId, APPROVED);
    await w.run('plan.retire', { planId: w.planId }, utc('2026-01-01T00:00:00Z'), planningChief);
    expect((await w.version()).status).toBe('retired');
    expect(reviewStatus(await w.plan(), utc('2030-01-01T00:00:00Z')).state).toBe('none');
  });
});
