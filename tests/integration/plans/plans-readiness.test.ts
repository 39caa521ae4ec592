import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../src/contract/live';
import { examplePlans, type PlanReadiness } from '../../../src/domain/plans';
import { newId } from '../../../src/domain/ids';
import type { Workstation } from '../../../src/workstation/workstation';
import { eventually } from '../../fixtures/sync';
import { withWorkstation } from '../../fixtures/workstation';

const mutate = (ws: Workstation, name: string, args: unknown) => ws.call('mutate', { name, args } as never);
const scores = (r: PlanReadiness | undefined) => Object.fromEntries((r?.parts ?? []).map((p) => [p.key, p.score]));

async function approvedExample(ws: Workstation, example: 'mass_casualty' | 'respiratory_infection' = 'mass_casualty') {
  const planId = newId();
  const versionId = newId();
  await mutate(ws, 'plan.loadExample', { planId, versionId, example });
  await mutate(ws, 'plan.submitForReview', { versionId });
  await mutate(ws, 'plan.approve', { versionId, name: '院长 王建国' });
  return planId;
}

const staffRow = (no: number, qualifications: { code: string; expiresAt?: number }[]) => ({
  id: newId(), staffNo: `S${no}`, name: `Staff ${no}`, department: 'ED', profession: 'physician', homeUnit: 'ED', qualifications, languages: [], phone: '', email: '',
});

/** The desk's live read of readiness, recording each result it is pushed. */
async function liveReadiness(ws: Workstation) {
  const results: { plans: PlanReadiness[] }[] = [];
  const live = ws.connect((event: LiveEvent) => {
    if (event.queryId === 'r' && event.result) results.push(event.result as { plans: PlanReadiness[] });
  });
  const outcome = await ws.handle('live.subscribe', { queryId: 'r', method: 'plans.readiness', params: {} }, { live });
  if (!outcome.ok) throw new Error(outcome.error.message);
  await eventually(ws, () => results.length > 0);
  const latest = () => results[results.length - 1]?.plans ?? [];
  /** Waits for a pushed result that passes `check`. */
  const until = (check: (plans: PlanReadiness[]) => boolean) => eventually(ws, () => check(latest()));
  return { latest, until, close: () => live.close() };
}

describe('plan readiness on a real SQLite desk', () => {
  it('scores an approved plan by its parts and moves live as staff are trained, a review asks for a revision and a reserve quota is set', async () => {
    await withWorkstation(async (ws) => {
      const planId = await approvedExample(ws);
      const live = await liveReadiness(ws);
      // Approved today: currency full; never exercised, nobody trained for its 17 positions, no quotas: (100+0+0+0)/4.
      const [first] = live.latest();
      expect(first?.planId).toBe(planId);
      expect(scores(first)).toEqual({ currency: 100, exercise: 0, training: 0, reserves: 0 });
      expect(first?.score).toBe(25);
      expect(first?.parts.find((p) => p.key === 'reserves')?.reason.code).toBe('no_quotas');
      expect(first?.parts.find((p) => p.key === 'training')?.facts.find((f) => f.values.position === 'ops.medical-care.casualty-care')?.values.code).toBe('HICS-casualty-care');
      expect(first?.todo.map((t) => t.id)).toEqual(['red-hva', 'red-surge-beds', 'rdy-kits', 'rdy-callout', 'rdy-drill', 'rdy-training']);

      // Three people trained as Incident Commander (one code in lower case): ic covered, 1 of 17 positions → 6.
      await mutate(ws, 'staff.import', { rows: [staffRow(1, [{ code: 'HICS-ic' }]), staffRow(2, [{ code: 'hics-ic' }]), staffRow(3, [{ code: 'HICS-ic' }, { code: 'ACLS' }])] });
      await live.until((plans) => scores(plans[0]).training === 6);
      expect(live.latest()[0]?.score).toBe(27); // (100 + 0 + 6 + 0) / 4 = 26.5

      await mutate(ws, 'plan.recordReview', { planId, outcome: 'revision_needed', note: 'Bed numbers changed' });
      await live.until((plans) => scores(plans[0]).currency === 70);
      expect(live.latest()[0]?.parts[0]?.reason.code).toBe('revision_needed');

      // One item with 50 on hand against a standing quota of 100 units: yellow, half marks.
      await mutate(ws, 'stock.import', { rows: [{ item: 'N95 respirator', category: 'ppe', unit: 'box', store: 'Main', qty: 50, par: 100, yellowAt: 40, redAt: 10, levelId: newId() }] });
      const { rows } = await ws.call('resources.reserves', { incidentId: null });
      await mutate(ws, 'stock.setReserveQuota', { itemId: rows[0]?.itemId, level: 'standing', quota: { basis: 'units', amount: 100 } });
      await live.until((plans) => scores(plans[0]).reserves === 50);
      expect(live.latest()[0]?.score).toBe(32); // (70 + 0 + 6 + 50) / 4 = 31.5

      await mutate(ws, 'plan.recordExercise', { planId, kind: 'tabletop', note: '' });
      await live.until((plans) => scores(plans[0]).exercise === 100);
      live.close();
    });
  });

  it('ranks the plan most in need first and leaves retired plans out', async () => {
    await withWorkstation(async (ws) => {
      const retired = await approvedExample(ws, 'respiratory_infection');
      await mutate(ws, 'plan.retire', { planId: retired });
      const approved = await approvedExample(ws);
      const draft = newId();
      // A code is unique among plans, retired ones included: the draft takes another.
      await mutate(ws, 'plan.import', { planId: draft, versionId: newId(), document: { ...examplePlans.respiratory_infection, code: 'RI-02' } });
      const { plans } = await ws.call('plans.readiness', {});
      expect(plans.map((p) => [p.planId, p.score])).toEqual([[draft, 0], [approved, 25]]);
      expect(plans[0]?.parts[0]?.facts).toEqual([{ code: 'version_draft', values: { version: '1.0' } }]);
      // As of 25 months on, the approved plan's review is overdue: the screen asks by the hour for this reason.
      const later = await ws.call('plans.readiness', { at: Date.now() + 25 * 31 * 86_400_000 });
      expect(later.plans.find((p) => p.planId === approved)?.parts[0]).toMatchObject({ score: 20, reason: { code: 'review_overdue' } });
    });
  });
});
