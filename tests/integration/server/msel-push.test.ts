import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExerciseSpaceCreatedSchema } from '../../../src/contract/exercise-spaces';
import { PullResponseSchema, PushResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { newClientId, post, pullBody, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

const T0 = Date.UTC(2026, 11, 5, 8);

const inject = (exerciseId: string, number: number, over: object = {}) => ({
  id: newId(), exerciseId, number, trigger: { type: 'at', minutes: number * 10 }, from: 'County 120 dispatch', to: 'ic', subject: `Event ${number}`, message: `Inject ${number}`, ...over,
});

describe.each(await storageKinds())('MSEL mutators pushed to the server (%s)', (storage) => {
  let srv: TestServer;
  let token: string;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    const facilitator = await srv.createUser({ roles: ['exercise_facilitator'], spaces: ['demo-hospital'] });
    const created = await post(srv.url, '/api/spaces/demo-hospital/exercises', { name: 'Bus crash tabletop', type: 'tabletop', objectives: ['Activate the MCI plan'], date: '2026-12-10' }, (await srv.login(facilitator)).token);
    drill = ExerciseSpaceCreatedSchema.parse(created.body);
    // A new login carries the new space.
    token = (await srv.login(facilitator)).token;
  });
  afterAll(() => srv.close());
  let drill: { space: { id: string }; exerciseId: string };

  it('applies the MSEL mutators in an exercise space, where the space\'s desks pull the injects', async () => {
    const clientId = newClientId();
    const space = drill.space.id;
    const first = inject(drill.exerciseId, 1);
    const push = await post(
      srv.url,
      '/api/sync/push',
      pushBody(clientId, [
        pushed(1, 'inject.add', first, { space, at: T0 }),
        pushed(2, 'inject.add', inject(drill.exerciseId, 2, { trigger: { type: 'after', inject: 1, minutes: 5 } }), { space, at: T0 }),
        pushed(3, 'inject.edit', { id: first.id, message: 'A second bus is reported' }, { space, at: T0 }),
        pushed(4, 'inject.add', inject(drill.exerciseId, 2), { space, at: T0 }),
      ]),
      token,
    );
    expect(push.status).toBe(200);
    const results = PushResponseSchema.parse(push.body).results;
    expect(results.map((r) => r.code ?? r.status)).toEqual(['applied', 'applied', 'applied', 'inject_number_taken']);

    const pull = await post(srv.url, '/api/sync/pull', pullBody(clientId, { [space]: 0 }), token);
    const injects = PullResponseSchema.parse(pull.body).rows.filter((r) => r.kind === 'inject').map((r) => r.data as { number: number; message: string });
    expect(injects.map((i) => [i.number, i.message]).sort()).toEqual([[1, 'A second bus is reported'], [2, 'Inject 2']]);
  });

  it('refuses them in a real hospital space with not_exercise_space, even beside an exercise record there', async () => {
    const clientId = newClientId();
    const exerciseId = newId();
    const push = await post(
      srv.url,
      '/api/sync/push',
      pushBody(clientId, [
        pushed(1, 'exercise.create', { id: exerciseId, name: 'Named like a drill', type: 'tabletop' }, { at: T0 }),
        pushed(2, 'inject.add', inject(exerciseId, 1), { at: T0 }),
        pushed(3, 'inject.import', { exerciseId, injects: [inject(exerciseId, 1)].map(({ exerciseId: _e, ...rest }) => rest) }, { at: T0 }),
      ]),
      token,
    );
    const results = PushResponseSchema.parse(push.body).results;
    expect(results.map((r) => r.code ?? r.status)).toEqual(['applied', 'not_exercise_space', 'not_exercise_space']);
    const rows = await srv.server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM entity WHERE space = 'demo-hospital' AND kind = 'inject'");
    expect(rows[0]?.n).toBe(0);
  });
});
