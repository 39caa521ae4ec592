import { describe, expect, it } from 'vitest';
import { aarId } from '../../../src/domain/aar';
import { newId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/roles';
import { storageKinds } from '../../fixtures/server';
import { eventually, useLoggedInStations, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';

describe.each(await storageKinds())('the after-action report through a real server on %s', (storage) => {
  const rig = useLoggedInStations(storage);
  const station = (roles: Role[]) => rig.station(roles);

  it('Planning drafts it on one desk after the close, the commander edits it on another, the improvement becomes a corrective action a plan revision closes', async () => {
    const planning = await station(['planning_chief']);
    const commander = await station(['incident_commander']);
    const operator = await station(['operator']);
    const incidentId = newId();
    const mutate = (s: Station, name: string, args: unknown) => s.ws.call('mutate', { name, args } as never);
    await mutate(commander, 'incident.declare', { id: incidentId, name: 'Bus crash, ring road', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() - 60_000 });
    await mutate(commander, 'casualty.registerBatch', { incidentId, tagNos: ['R-1', 'R-2'], category: 'immediate', area: 'Resus' });
    await mutate(commander, 'log.append', { id: newId(), incidentId, text: 'Trauma team called in' });
    for (const c of commander.ws.store.list('casualty', SPACE)) await mutate(commander, 'casualty.dispose', { id: c.id, code: 'admitted' });
    await mutate(commander, 'incident.close', { id: incidentId, reason: 'All casualties admitted' });
    await eventually(planning.ws, () => planning.ws.store.list('incident', SPACE)[0]?.status === 'closed', 20_000);

    await mutate(planning, 'aar.draft', { incidentId });
    const improvementId = newId();
    await mutate(planning, 'aar.edit', { incidentId, improvements: [{ id: improvementId, text: 'Blood bank called late' }] });
    await eventually(commander.ws, () => (commander.ws.store.list('aar', SPACE)[0]?.improvements.length ?? 0) === 1, 20_000);
    const drafted = commander.ws.store.list('aar', SPACE)[0];
    expect(drafted).toMatchObject({ id: aarId(SPACE, incidentId), data: { casualties: { total: 2, byCategory: { immediate: 2 }, byDisposition: { admitted: 2 } } } });
    expect(drafted?.data.timeline.some((e) => e.type === 'log' && e.text === 'Trauma team called in')).toBe(true);

    const strengthId = newId();
    await mutate(commander, 'aar.edit', { incidentId, summary: 'Two red casualties, both admitted within the hour.', strengths: [{ id: strengthId, text: 'Fast triage' }] });
    // The operator's desk refuses at once; the server runs the same check (aar.write) for whatever reaches it.
    await expect(mutate(operator, 'aar.edit', { incidentId, summary: 'not mine to write' })).rejects.toMatchObject({ error: { code: 'forbidden' } });

    const planId = newId();
    const v1 = newId();
    await mutate(planning, 'plan.loadExample', { planId, versionId: v1, example: 'mass_casualty' });
    await mutate(planning, 'plan.submitForReview', { versionId: v1 });
    await eventually(commander.ws, () => commander.ws.store.list('planVersion', SPACE)[0]?.status === 'in_review', 20_000);
    await mutate(commander, 'plan.approve', { versionId: v1, name: 'Wang Jun' });
    const actionId = newId();
    await mutate(commander, 'correctiveAction.add', { id: actionId, incidentId, improvementId, action: 'Call the blood bank at activation', owner: 'Transfusion service', dueAt: Date.now() + 30 * 86_400_000, plan: { planId, section: 'procedures' } });
    await eventually(planning.ws, () => planning.ws.store.list('correctiveAction', SPACE).length === 1 && planning.ws.store.list('plan', SPACE)[0]?.currentVersionId === v1, 20_000);
    const v2 = newId();
    await mutate(planning, 'plan.revise', { planId, versionId: v2, trigger: 'lessons_from_response_or_exercise', summary: 'Blood bank in the first call-out', closes: [actionId] });
    await mutate(planning, 'plan.submitForReview', { versionId: v2 });
    await eventually(commander.ws, () => commander.ws.store.list('planVersion', SPACE).some((v) => v.id === v2 && v.status === 'in_review'), 20_000);
    await mutate(commander, 'plan.approve', { versionId: v2, name: 'Wang Jun' });

    await eventually(planning.ws, () => planning.ws.store.list('correctiveAction', SPACE)[0]?.status === 'done', 20_000);
    await eventually(planning.ws, () => planning.ws.store.list('aar', SPACE)[0]?.summary !== '', 20_000);
    expect(planning.ws.store.list('aar', SPACE)[0]).toMatchObject({
      summary: 'Two red casualties, both admitted within the hour.',
      strengths: [{ id: strengthId, text: 'Fast triage' }],
      improvements: [{ id: improvementId, text: 'Blood bank called late' }],
    });
    expect(planning.ws.store.list('planVersion', SPACE).find((v) => v.id === v2)?.revision).toMatchObject({ closes: [actionId], sectionsChanged: ['procedures'] });
    expect(await planning.ws.call('sync.status', {})).toMatchObject({ rejected: [] });
  });
});
