import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExerciseSpaceCreatedSchema, type ExerciseSetUp } from '../../../src/contract/exercise-spaces';
import { PullResponseSchema, PushResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { newClientId, post, pullBody, pushBody, pushed, startTestServer, storageKinds, type TestServer, type TestUser } from '../../fixtures/server';

const T0 = Date.UTC(2026, 11, 5, 8);

function tabletop(over: Partial<ExerciseSetUp> = {}): ExerciseSetUp {
  return {
    name: 'Bus crash tabletop',
    type: 'tabletop',
    objectives: ['Activate the command centre within 30 minutes', 'Report to the county within 2 hours'],
    capabilities: ['Operational coordination', 'Public health and medical services'],
    date: '2026-12-10',
    participants: [],
    ...over,
  };
}

describe.each(await storageKinds())('exercise spaces set up over HTTP (%s)', (storage) => {
  let srv: TestServer;
  let facilitator: TestUser;
  let token: string;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    await srv.createSpace({ id: 'north-hospital', name: 'North hospital' });
    facilitator = await srv.createUser({ roles: ['exercise_facilitator'], spaces: ['demo-hospital'] });
    token = (await srv.login(facilitator)).token;
  });
  afterAll(() => srv.close());

  const setUp = (body: unknown, as = token, space = 'demo-hospital') => post(srv.url, `/api/spaces/${space}/exercises`, body, as);
  const spaceRow = async (id: string) =>
    (await srv.server.db.query<{ kind: string; name: string; source_space: string | null }>('SELECT kind, name, source_space FROM space WHERE id = $1', [id]))[0];
  const spaceCount = async () => Number((await srv.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM space'))[0]?.n);

  it('makes a space of kind exercise with an id of its own, linked to the real space, and records it in the audit under the facilitator', async () => {
    const response = await setUp(tabletop({ name: 'demo-hospital' }));
    expect(response.status).toBe(201);
    const created = ExerciseSpaceCreatedSchema.parse(response.body);
    // The name is only a name: a drill called like the hospital is still a drill, with an id nobody chose.
    expect(created.space).toMatchObject({ kind: 'exercise', name: 'demo-hospital' });
    expect(created.space.id).not.toBe('demo-hospital');
    expect(created.sourceSpace).toBe('demo-hospital');
    expect(await spaceRow(created.space.id)).toEqual({ kind: 'exercise', name: 'demo-hospital', source_space: 'demo-hospital' });

    const session = await srv.login(facilitator);
    expect(session.spaceInfo).toContainEqual(created.space);

    const audit = await srv.server.db.query<{ user_id: string; name: string; result: string; args: { type: string; date: string } }>(
      'SELECT user_id, name, result, args FROM audit WHERE space = $1',
      [created.space.id],
    );
    expect(audit).toEqual([expect.objectContaining({ user_id: facilitator.id, name: 'exercise.create', result: 'applied' })]);
    expect(audit[0]?.args).toMatchObject({ type: 'tabletop', date: '2026-12-10' });
  });

  it('writes the exercise record into the new space, where its desks pull it: type, objectives, capabilities, date, who plays what', async () => {
    const player = await srv.createUser({ roles: ['operator'], spaces: ['demo-hospital'] });
    const response = await setUp(tabletop({ participants: [{ username: player.username, role: 'player', position: 'ops' }] }));
    const created = ExerciseSpaceCreatedSchema.parse(response.body);
    const clientId = newClientId();
    const pull = await post(srv.url, '/api/sync/pull', pullBody(clientId, { [created.space.id]: 0 }), token);
    expect(pull.status).toBe(200);
    const rows = PullResponseSchema.parse(pull.body).rows;
    expect(rows.map((r) => [r.kind, r.space])).toEqual([['exercise', created.space.id]]);
    expect(rows[0]?.data).toMatchObject({
      id: created.exerciseId,
      type: 'tabletop',
      status: 'draft',
      date: '2026-12-10',
      capabilities: ['Operational coordination', 'Public health and medical services'],
      objectives: [
        { id: 'O1', text: 'Activate the command centre within 30 minutes' },
        { id: 'O2', text: 'Report to the county within 2 hours' },
      ],
      participants: [{ userId: player.id, role: 'player', position: 'ops' }],
    });
  });

  it('grants the space to the facilitator and every participant, and to nobody else of the hospital', async () => {
    const evaluator = await srv.createUser({ roles: ['viewer'], spaces: ['demo-hospital'] });
    const player = await srv.createUser({ roles: ['operator'], spaces: ['demo-hospital'] });
    const bystander = await srv.createUser({ roles: ['operator'], spaces: ['demo-hospital'] });
    const response = await setUp(
      tabletop({
        participants: [
          { username: evaluator.username.toUpperCase(), role: 'evaluator' },
          { username: player.username, role: 'player', position: 'planning.situation' },
        ],
      }),
    );
    const created = ExerciseSpaceCreatedSchema.parse(response.body);
    expect(created.participants).toEqual([
      { userId: evaluator.id, username: evaluator.username, role: 'evaluator' },
      { userId: player.id, username: player.username, role: 'player', position: 'planning.situation' },
    ]);
    for (const user of [evaluator, player]) expect((await srv.login(user)).spaceInfo).toContainEqual({ id: created.space.id, kind: 'exercise', name: 'Bus crash tabletop' });
    expect((await srv.login(bystander)).spaces).not.toContain(created.space.id);
  });

  it('refuses a role without exercise.control with 403, and makes no space', async () => {
    const commander = await srv.createUser({ roles: ['incident_commander', 'operator'], spaces: ['demo-hospital'] });
    const before = await spaceCount();
    const response = await setUp(tabletop(), (await srv.login(commander)).token);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'forbidden', message: expect.stringContaining('exercise.control') as unknown });
    expect(await spaceCount()).toBe(before);
  });

  it('refuses a space the facilitator does not work in with 403, and an exercise made from an exercise with 400', async () => {
    expect((await setUp(tabletop(), token, 'north-hospital')).status).toBe(403);
    const drill = ExerciseSpaceCreatedSchema.parse((await setUp(tabletop())).body);
    const fresh = (await srv.login(facilitator)).token;
    const again = await setUp(tabletop(), fresh, drill.space.id);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('not a hospital') as unknown });
  });

  it.each([
    ['an unknown type', { type: 'hackathon' }, 'body.type'],
    ['no objective', { objectives: [] }, 'at least one objective'],
    ['a day that is not one', { date: '2026-13-40' }, 'body.date'],
    ['a player without a HICS position', { participants: [{ username: 'x', role: 'player' }] }, 'body.participants.0.position'],
    ['a position that is not HICS', { participants: [{ username: 'x', role: 'player', position: 'captain' }] }, 'must be a HICS position id'],
    ['a space id of the caller\'s choosing', { id: 'my-drill' }, 'id'],
    ['a kind of the caller\'s choosing', { kind: 'hospital' }, 'kind'],
  ])('answers 400 naming what is wrong: %s', async (_what, over, expected) => {
    const before = await spaceCount();
    const response = await setUp({ ...tabletop(), ...over });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(expected) as unknown });
    expect(await spaceCount()).toBe(before);
  });

  it('answers 400 for a participant who has no account, or does not work in this hospital, and makes no space', async () => {
    const elsewhere = await srv.createUser({ roles: ['operator'], spaces: ['north-hospital'] });
    const before = await spaceCount();
    const unknown = await setUp(tabletop({ participants: [{ username: 'nobody-here', role: 'observer' }] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ message: 'body.participants.0.username: no user nobody-here' });
    const foreign = await setUp(tabletop({ participants: [{ username: elsewhere.username, role: 'observer' }] }));
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ message: expect.stringContaining('does not work in space demo-hospital') as unknown });
    expect(await spaceCount()).toBe(before);
  });

  it('keeps the real space\'s rows out of the exercise space, and a change there cannot reach a real incident', async () => {
    const created = ExerciseSpaceCreatedSchema.parse((await setUp(tabletop())).body);
    const fresh = (await srv.login(facilitator)).token;
    const clientId = newClientId();
    const realIncident = newId();
    const push = await post(
      srv.url,
      '/api/sync/push',
      pushBody(clientId, [
        pushed(1, 'incident.declare', { id: realIncident, name: 'Real fire', type: 'fire_evacuation', level: 'III', discoveredAt: T0 }, { at: T0 }),
        // From the exercise space, a log entry on the real incident: refused, whatever the desk believed.
        pushed(2, 'log.append', { id: newId(), incidentId: realIncident, text: 'Drill note', at: T0 }, { space: created.space.id, at: T0 }),
      ]),
      fresh,
    );
    expect(push.status).toBe(200);
    const results = PushResponseSchema.parse(push.body).results;
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(results[1]?.code).toBe('space_mismatch');

    const pull = await post(srv.url, '/api/sync/pull', pullBody(clientId, { [created.space.id]: 0, 'demo-hospital': 0 }), fresh);
    const rows = PullResponseSchema.parse(pull.body).rows;
    expect(rows.filter((r) => r.space === created.space.id).map((r) => r.kind)).toEqual(['exercise']);
    expect(rows.filter((r) => r.space === 'demo-hospital').map((r) => r.kind)).not.toContain('exercise');
    expect(rows.find((r) => r.id === realIncident)?.space).toBe('demo-hospital');
  });
});
