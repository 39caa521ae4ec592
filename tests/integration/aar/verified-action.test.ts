import { beforeAll, describe, expect, it } from 'vitest';
import { PushResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { newClientId, post, pushBody, pushed, storageKinds, type TestUser } from '../../fixtures/server';
import { eventually, useLoggedInStations, type Station } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';

describe.each(await storageKinds())('a corrective action verified by a later exercise, through a real server on %s', (storage) => {
  const rig = useLoggedInStations(storage);
  let facilitator: TestUser;
  let evaluator: TestUser;
  let planning: TestUser;
  beforeAll(async () => {
    facilitator = await rig.server.createUser({ roles: ['exercise_facilitator'] });
    evaluator = await rig.server.createUser({ roles: ['viewer'] });
    planning = await rig.server.createUser({ roles: ['planning_chief'] });
  });
  const mutate = (s: Station, name: string, args: unknown) => s.ws.call('mutate', { name, args } as never);
  const settled = (s: Station) => eventually(s.ws, () => s.ws.store.pendingCount() === 0, 20_000);

  it('is refused by the server while the objective naming it is rated M, verified once every rating is S, and the real space keeps only the exercise id', async () => {
    const lead = await rig.desk(facilitator);
    const incident = makeIncidentArgs();
    await mutate(lead, 'incident.declare', incident);
    await mutate(lead, 'incident.close', { id: incident.id, reason: 'Stood down' });
    await mutate(lead, 'aar.draft', { incidentId: incident.id });
    const improvementId = newId();
    await mutate(lead, 'aar.edit', { incidentId: incident.id, improvements: [{ id: improvementId, text: 'Blood bank called late' }] });
    const actionId = newId();
    await mutate(lead, 'correctiveAction.add', { id: actionId, incidentId: incident.id, improvementId, action: 'Call the blood bank at activation', owner: 'Transfusion service', dueAt: Date.now() + 30 * 86_400_000 });
    await mutate(lead, 'correctiveAction.update', { id: actionId, status: 'done' });
    await settled(lead);

    // A later drill in its own space: objective O1 names the action by id.
    const created = await lead.ws.call('exercise.setUp', { name: 'Blood bank drill', type: 'drill', objectives: ['Blood bank called within 10 minutes'], date: '2026-12-10', participants: [{ username: evaluator.username, role: 'evaluator' }] });
    const exerciseSpace = created.space.id;
    await lead.ws.call('space.enter', { space: exerciseSpace });
    await eventually(lead.ws, () => lead.ws.store.list('exercise', exerciseSpace).length === 1, 20_000);
    // The facilitator's desk offers the hospital's open actions to name; the drill keeps the id alone.
    expect((await lead.ws.call('correctiveAction.toVerify', {})).actions).toEqual([{ id: actionId, action: 'Call the blood bank at activation', owner: 'Transfusion service', status: 'done' }]);
    await mutate(lead, 'exercise.setVerifies', { id: created.exerciseId, objectiveId: 'O1', actionIds: [actionId] });
    await mutate(lead, 'exercise.start', { id: created.exerciseId });
    await settled(lead);

    const marker = await rig.desk(evaluator);
    await marker.ws.call('space.enter', { space: exerciseSpace });
    await eventually(marker.ws, () => marker.ws.store.list('exercise', exerciseSpace)[0]?.status === 'running', 20_000);
    await mutate(marker, 'evaluation.rate', { exerciseId: created.exerciseId, objectiveId: 'O1', rating: 'M', rationale: 'Called at T+25' });
    await settled(marker);

    // Back in the hospital's space, the improvement plan shows the drill's rating of the objective naming the action.
    await lead.ws.call('space.enter', { space: SPACE });
    const tests = async () => (await lead.ws.call('aar.get', { incidentId: incident.id })).tests;
    await eventually(lead.ws, () => lead.ws.store.list('objectiveRating', exerciseSpace).length === 1, 20_000);
    expect(await tests()).toEqual([{ actionId, exerciseId: created.exerciseId, exerciseName: 'Blood bank drill', objectiveId: 'O1', objectiveText: 'Blood bank called within 10 minutes', ratings: ['M'], verifies: false }]);
    // The server's own check, whatever a desk believes: a push while the rating is M is refused and changes nothing.
    const token = (await rig.server.login(facilitator)).token;
    const response = await post(rig.server.url, '/api/sync/push', pushBody(newClientId(), [pushed(1, 'correctiveAction.verify', { id: actionId, exerciseId: created.exerciseId, objectiveId: 'O1' })]), token);
    expect(PushResponseSchema.parse(response.body).results.map((r) => [r.status, r.code, r.params])).toEqual([['rejected', 'invalid_transition', { rating: 'M' }]]);

    await mutate(marker, 'evaluation.rate', { exerciseId: created.exerciseId, objectiveId: 'O1', rating: 'S', rationale: 'Called at T+8 after the plan change' });
    await settled(marker);
    await eventually(lead.ws, () => lead.ws.store.list('objectiveRating', exerciseSpace)[0]?.rating === 'S', 20_000);
    expect(await tests()).toMatchObject([{ ratings: ['S'], verifies: true }]);
    await mutate(lead, 'correctiveAction.verify', { id: actionId, exerciseId: created.exerciseId, objectiveId: 'O1' });
    await settled(lead);
    expect((await lead.ws.call('sync.status', {})).rejected).toEqual([]);

    // A desk of the real space that was never in the drill sees the action verified, and holds nothing of the drill.
    const desk = await rig.desk(planning);
    await eventually(desk.ws, () => desk.ws.store.list('correctiveAction', SPACE)[0]?.status === 'verified', 20_000);
    expect(desk.ws.store.list('correctiveAction', SPACE)[0]).toMatchObject({ verifiedInExercise: created.exerciseId, verifiedBy: facilitator.id });
    expect(desk.ws.store.list('exercise', exerciseSpace)).toEqual([]);
    // And the drill's space holds only the action's id, none of its words.
    expect(JSON.stringify(marker.ws.store.list('exercise', exerciseSpace))).not.toContain('blood bank at activation');
  });
});
