import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseSetUp } from '../../../src/contract/exercise-spaces';
import { ApiFailure } from '../../../src/contract/errors';
import { newId } from '../../../src/domain/ids';
import { startTestServer, storageKinds, type TestServer, type TestUser } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';

const REAL = 'demo-hospital';

function tabletop(over: Partial<ExerciseSetUp> = {}): ExerciseSetUp {
  return { name: 'Bus crash tabletop', type: 'tabletop', objectives: ['Open the command centre in 30 minutes'], date: '2026-12-10', ...over };
}

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => null, (e: unknown) => e);
  if (!(error instanceof ApiFailure)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.error.code;
}

describe.each(await storageKinds())('an exercise set up from a desk (%s)', (storage) => {
  let server: TestServer;
  let facilitator: TestUser;
  const stations: Station[] = [];
  beforeAll(async () => {
    server = await startTestServer({ storage });
    facilitator = await server.createUser({ roles: ['exercise_facilitator'], spaces: [REAL] });
  });
  afterAll(async () => {
    for (const s of stations) {
      await s.ws.close();
      s.cleanup();
    }
    await server.close();
  });

  async function desk(user: TestUser): Promise<Station> {
    const s = makeStation();
    stations.push(s);
    await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
    return s;
  }

  it('lists the new exercise among the user\'s spaces and pulls its record, while the desk stays in the real space until entered', async () => {
    const s = await desk(facilitator);
    const created = await s.ws.call('exercise.setUp', tabletop());
    expect(created.space.kind).toBe('exercise');
    const status = await s.ws.call('sync.status', {});
    expect(status.spaces).toEqual(expect.arrayContaining([{ id: REAL, kind: 'hospital', name: 'Demo hospital' }, created.space]));
    expect(status.space.id).toBe(REAL);
    await eventually(s.ws, () => s.ws.store.list('exercise', created.space.id).length === 1);
    expect(s.ws.store.list('exercise', created.space.id)[0]).toMatchObject({ id: created.exerciseId, type: 'tabletop', date: '2026-12-10' });

    // The grant is kept with the login: a restart with the network down still lists it.
    await s.ws.close();
    const again = s.reopen();
    expect((await again.call('sync.status', {})).spaces).toContainEqual(created.space);
  });

  it('enters the exercise: the real incident is out of reach, and an incident declared there stays in the exercise space', async () => {
    const s = await desk(facilitator);
    const real = makeIncidentArgs({ name: 'Real fire' });
    await s.ws.call('mutate', { name: 'incident.declare', args: real });
    const created = await s.ws.call('exercise.setUp', tabletop());

    const entered = await s.ws.call('space.enter', { space: created.space.id });
    expect(entered.space).toEqual(created.space);
    expect((await s.ws.call('settings.get', {})).space).toBe(created.space.id);
    expect(await s.ws.call('incident.list', {})).toEqual([]);
    // A change naming the real incident is refused here, on the desk, before it could reach the server.
    expect(await refusal(s.ws.call('mutate', { name: 'log.append', args: { id: newId(), incidentId: real.id, text: 'drill note' } }))).toBe('space_mismatch');

    const drill = makeIncidentArgs({ name: 'Bus crash (exercise)' });
    await s.ws.call('mutate', { name: 'incident.declare', args: drill });
    await eventually(s.ws, () => s.ws.store.pendingCount() === 0);
    const [row] = await server.server.db.query<{ space: string }>(`SELECT space FROM entity WHERE kind = 'incident' AND id = $1`, [drill.id]);
    expect(row?.space).toBe(created.space.id);

    await s.ws.call('space.enter', { space: REAL });
    expect((await s.ws.call('sync.status', {})).space.kind).toBe('hospital');
    expect((await s.ws.call('incident.list', {})).map((i) => i.id)).toEqual([real.id]);
  });

  it('gives a participant\'s desk the exercise at their next login, and refuses a space the user does not have', async () => {
    const player = await server.createUser({ roles: ['operator'], spaces: [REAL] });
    const organiser = await desk(facilitator);
    const created = await organiser.ws.call('exercise.setUp', tabletop({ participants: [{ username: player.username, role: 'player', position: 'ops' }] }));
    const p = await desk(player);
    expect((await p.ws.call('sync.status', {})).spaces).toContainEqual(created.space);
    await p.ws.call('space.enter', { space: created.space.id });
    await eventually(p.ws, () => p.ws.store.list('exercise', created.space.id).length === 1);

    const outsider = await desk(await server.createUser({ roles: ['operator'], spaces: [REAL] }));
    expect(await refusal(outsider.ws.call('space.enter', { space: created.space.id }))).toBe('forbidden');
    expect((await outsider.ws.call('sync.status', {})).space.id).toBe(REAL);
  });

  it('passes on the server\'s refusals: no right to set up exercises, a bad field; and needs a login', async () => {
    const commander = await desk(await server.createUser({ roles: ['incident_commander'], spaces: [REAL] }));
    expect(await refusal(commander.ws.call('exercise.setUp', tabletop()))).toBe('forbidden');
    const s = await desk(facilitator);
    const bad = await s.ws.call('exercise.setUp', tabletop({ participants: [{ username: 'nobody-here', role: 'observer' }] })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiFailure);
    expect((bad as ApiFailure).error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('no user nobody-here') as unknown });
    const standalone = makeStation();
    stations.push(standalone);
    expect(await refusal(standalone.ws.call('exercise.setUp', tabletop()))).toBe('unauthorized');
  });
});
