import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/contract/errors';
import { newId } from '../../../src/domain/ids';
import { checklistRows, examplePlans, exerciseStatus, progressOf, reviewStatus, rollUp } from '../../../src/domain/plans';
import type { Workstation } from '../../../src/workstation/workstation';
import { makeIncidentArgs, withWorkstation } from '../../fixtures/workstation';

const HOUR = 3_600_000;
const mutate = (ws: Workstation, name: string, args: unknown) => ws.call('mutate', { name, args } as never);

/** Loads the mass-casualty example, approves it, declares an incident at level II with IC, Ops and Casualty Care filled. */
async function activatedOnDesk(ws: Workstation) {
  const planId = newId();
  const versionId = newId();
  await mutate(ws, 'plan.loadExample', { planId, versionId, example: 'mass_casualty' });
  await mutate(ws, 'plan.submitForReview', { versionId });
  await mutate(ws, 'plan.approve', { versionId, name: '院长 王建国' });
  const incident = makeIncidentArgs({ level: 'II' });
  await ws.call('mutate', { name: 'incident.declare', args: incident });
  for (const positionId of ['ic', 'ops', 'ops.medical-care.casualty-care']) {
    await mutate(ws, 'assignment.assign', { id: newId(), incidentId: incident.id, period: 1, positionId, person: `Dr ${positionId}` });
  }
  await mutate(ws, 'plan.activate', { incidentId: incident.id, planId });
  return { planId, versionId, incidentId: incident.id };
}

describe('emergency plans on a real SQLite file', () => {
  it('lists a loaded example with its version in force and its clocks, and reads it whole', async () => {
    await withWorkstation(async (ws) => {
      const { planId, versionId } = await activatedOnDesk(ws);
      const { plans } = await ws.call('plans.list', {});
      expect(plans).toHaveLength(1);
      const [row] = plans;
      expect(row?.plan.code).toBe('MCI-01');
      expect(row?.current?.id).toBe(versionId);
      expect(row?.open).toBeNull();
      expect(row?.itemsByPhase.response).toBe(examplePlans.mass_casualty.content.checklist.filter((i) => i.phase === 'response').length);
      const plan = row?.plan;
      if (!plan) throw new Error('no plan');
      expect(reviewStatus(plan, plan.adoptedAt ?? 0).state).toBe('ok');
      expect(exerciseStatus(plan, (plan.adoptedAt ?? 0) + 37 * 31 * 24 * HOUR).state).toBe('overdue');
      const detail = await ws.call('plans.get', { planId });
      expect(detail.versions.map((v) => v.status)).toEqual(['approved']);
      expect(detail.versions[0]?.content.sections).toHaveLength(8);
    });
  });

  it('activates a plan into one checklist per filled position, ticks an item, and adds level I items on escalation', async () => {
    await withWorkstation(async (ws) => {
      const { incidentId } = await activatedOnDesk(ws);
      let read = await ws.call('plans.incident', { incidentId });
      expect(read.plans).toHaveLength(1);
      const [entry] = read.plans;
      if (!entry) throw new Error('no activation');
      expect(entry.checklists.map((c) => c.positionId)).toEqual(['ic', 'ops', 'ops.medical-care.casualty-care']);
      const ic = entry.checklists.find((c) => c.positionId === 'ic');
      if (!ic) throw new Error('no IC checklist');

      await mutate(ws, 'checklist.mark', { checklistId: ic.id, itemId: 'ic-declare', status: 'done' });
      await mutate(ws, 'incident.setLevel', { id: incidentId, level: 'I', reason: 'Second bus involved' });
      read = await ws.call('plans.incident', { incidentId });
      const after = read.plans[0];
      const icAfter = after?.checklists.find((c) => c.positionId === 'ic');
      if (!after || !icAfter) throw new Error('missing after escalation');
      const rows = checklistRows(after.version.content, 'ic', icAfter.marks, { activation: after.activation, incident: read.incident, now: Date.now() });
      expect(rows.find((r) => r.item.id === 'ic-declare')?.state).toBe('done');
      expect(rows.map((r) => r.item.id)).toContain('ic-mutual-aid');
      const progress = after.checklists.map((c) => ({ positionId: c.positionId, progress: progressOf(checklistRows(after.version.content, c.positionId, c.marks, { activation: after.activation, incident: read.incident, now: Date.now() })) }));
      expect(rollUp(progress).total.complete).toBe(1);
    });
  });

  it('keeps a refused activation off the desk and says why', async () => {
    await withWorkstation(async (ws) => {
      const planId = newId();
      await mutate(ws, 'plan.loadExample', { planId, versionId: newId(), example: 'respiratory_infection' });
      const incident = makeIncidentArgs({ type: 'infectious_disease', level: 'III' });
      await ws.call('mutate', { name: 'incident.declare', args: incident });
      const error = await mutate(ws, 'plan.activate', { incidentId: incident.id, planId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).error.code).toBe('invalid_transition');
      expect((await ws.call('plans.incident', { incidentId: incident.id })).plans).toEqual([]);
    });
  });
});
