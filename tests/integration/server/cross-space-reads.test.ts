import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponseSchema, type PushedMutation } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { newClientId, post, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { makeIncidentArgs } from '../../fixtures/workstation';

const OTHER_DRILL = 'other-drill';

/**
 * A push names ids; the server must judge them only against the spaces its user is granted. A mutator that reads a
 * record by id (tx.get) would otherwise read another hospital's, and its refusal or its success would tell of it.
 */
describe.each(await storageKinds())('a push naming another space’s records, on %s', (storage) => {
  let srv: TestServer;
  let ours: string;
  let theirs: string;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    await srv.createSpace({ id: 'other-hospital', name: 'Other hospital' });
    await srv.createSpace({ id: OTHER_DRILL, name: 'Other hospital drill', kind: 'exercise' });
    ours = (await srv.login(await srv.createUser({ roles: ['exercise_facilitator'] }))).token;
    theirs = (await srv.login(await srv.createUser({ roles: ['exercise_facilitator'], spaces: ['other-hospital', OTHER_DRILL] }))).token;
  });
  afterAll(() => srv.close());

  const push = async (token: string, mutations: PushedMutation[]) => {
    const response = await post(srv.url, '/api/sync/push', pushBody(newClientId(), mutations), token);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return PushResponseSchema.parse(response.body).results;
  };
  const allApplied = async (token: string, mutations: PushedMutation[]) => {
    const results = await push(token, mutations);
    expect(results.map((r) => [r.status, r.message])).toEqual(mutations.map(() => ['applied', undefined]));
  };

  /** A done corrective action of demo-hospital, as the improvement plan has it. */
  const doneAction = async (): Promise<string> => {
    const incident = makeIncidentArgs();
    const improvementId = newId();
    const actionId = newId();
    await allApplied(ours, [
      pushed(1, 'incident.declare', incident),
      pushed(2, 'incident.close', { id: incident.id, reason: 'Stood down' }),
      pushed(3, 'aar.draft', { incidentId: incident.id }),
      pushed(4, 'aar.edit', { incidentId: incident.id, improvements: [{ id: improvementId, text: 'Blood bank called late' }] }),
      pushed(5, 'correctiveAction.add', { id: actionId, incidentId: incident.id, improvementId, action: 'Call the blood bank at activation', owner: 'Transfusion service', dueAt: Date.now() + 86_400_000 }),
      pushed(6, 'correctiveAction.update', { id: actionId, status: 'done' }),
    ]);
    return actionId;
  };
  const otherDrill = async (name: string) => {
    const id = newId();
    await allApplied(theirs, [pushed(1, 'exercise.create', { id, name, type: 'drill', objectives: [{ id: 'O1', text: 'Decontaminate', capability: '' }] }, { space: OTHER_DRILL })]);
    return id;
  };
  const verify = (actionId: string, exerciseId: string) => push(ours, [pushed(1, 'correctiveAction.verify', { id: actionId, exerciseId, objectiveId: 'O1' })]);

  it('answers correctiveAction.verify naming another hospital’s drill exactly as for a drill that does not exist: its name stays there', async () => {
    const actionId = await doneAction();
    const exerciseId = await otherDrill('Secret chemical drill');
    const [foreign] = await verify(actionId, exerciseId);
    const [missing] = await verify(actionId, newId());
    expect(foreign).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(foreign?.message).not.toContain('Secret chemical drill');
    expect(foreign?.message).toBe(missing?.message?.replace(/exercise \S+ /, `exercise ${exerciseId} `));
  });

  it('does not verify our action with a drill of a space the facilitator is not granted, even one whose objective names it and is rated S', async () => {
    const actionId = await doneAction();
    const exerciseId = await otherDrill('Another hospital’s drill');
    await allApplied(theirs, [
      pushed(1, 'exercise.setVerifies', { id: exerciseId, objectiveId: 'O1', actionIds: [actionId] }, { space: OTHER_DRILL }),
      pushed(2, 'exercise.start', { id: exerciseId }, { space: OTHER_DRILL }),
      pushed(3, 'evaluation.rate', { exerciseId, objectiveId: 'O1', rating: 'S', rationale: 'Fine' }, { space: OTHER_DRILL }),
    ]);
    const [result] = await verify(actionId, exerciseId);
    expect(result).toMatchObject({ status: 'rejected', code: 'not_found' });
    const [row] = await srv.server.db.query<{ data: { status: string } }>("SELECT data FROM entity WHERE kind = 'correctiveAction' AND id = $1", [actionId]);
    expect(row?.data.status).toBe('done');
  });

  it('refuses an exercise whose incident is a real space’s: drill messages would land on a real incident', async () => {
    await srv.createSpace({ id: 'our-drill', name: 'Our drill', kind: 'exercise' });
    const both = (await srv.login(await srv.createUser({ roles: ['exercise_facilitator'], spaces: ['demo-hospital', 'our-drill'] }))).token;
    const real = makeIncidentArgs();
    await allApplied(both, [pushed(1, 'incident.declare', real)]);
    const [result] = await push(both, [pushed(1, 'exercise.create', { id: newId(), name: 'Drill', type: 'drill', incidentId: real.id }, { space: 'our-drill' })]);
    expect(result).toMatchObject({ status: 'rejected', code: 'invalid_args', params: { field: 'incidentId' } });
    const rows = await srv.server.db.query("SELECT id FROM entity WHERE kind = 'exercise' AND space = 'our-drill'");
    expect(rows).toEqual([]);
  });
});
