import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import type { Inject } from '../../../src/domain/exercises/injects';
import { storageKinds } from '../../fixtures/server';
import { eventually, useStationsBehindProxies, type Station } from '../../fixtures/sync';

const MIN = 60_000;

function inject(number: number, minutes: number) {
  return { id: newId(), number, trigger: { type: 'at' as const, minutes }, from: 'County 120 dispatch', to: 'ops', method: 'message' as const, subject: `Event ${number}`, message: `Inject ${number}` };
}

function injectOn(s: Station, space: string, number: number): Inject | undefined {
  return s.ws.store.list('inject', space).find((i) => i.number === number);
}

describe.each(await storageKinds())('injects delivered on schedule from two controller desks (%s)', (storage) => {
  const rig = useStationsBehindProxies(storage, ['exercise_facilitator']);

  it('delivers each due inject once, even with one desk offline when it fell due and sending its own delivery on return', async () => {
    let clock = Date.now();
    const { s: a } = await rig.station({ now: () => clock });
    const created = await a.ws.call('exercise.setUp', { name: 'Bus crash tabletop', type: 'tabletop', objectives: ['Open the command centre in 30 minutes'], date: '2026-12-10' });
    const space = created.space.id;
    await a.ws.call('space.enter', { space });
    await eventually(a.ws, () => a.ws.store.list('exercise', space).length === 1);
    await a.ws.call('mutate', { name: 'inject.import', args: { exerciseId: created.exerciseId, injects: [inject(1, 0), inject(2, 10)] } });

    // The second desk's clock runs 30 s ahead: its delivery, if it counted, would show in the record.
    const { s: b, net: netB } = await rig.station({ now: () => clock + 30_000 });
    await b.ws.call('space.enter', { space });
    await eventually(b.ws, () => b.ws.store.list('inject', space).length === 2 && a.ws.store.pendingCount() === 0);

    const started = clock;
    await a.ws.call('mutate', { name: 'exercise.start', args: { id: created.exerciseId } });
    // Inject 1 is due at T+0: the desk that started the clock delivers it, and the other desk sees it delivered.
    await eventually(b.ws, () => injectOn(b, space, 1)?.status === 'delivered');
    expect(injectOn(b, space, 1)).toMatchObject({ deliveredAtExercise: 0, deliveredAt: started });

    netB.setMode('down');
    clock += 11 * MIN;
    expect(await a.ws.injects.check()).toBe(1);
    expect(await b.ws.injects.check()).toBe(1);
    // Offline, the second desk keeps the exercise going in its own view.
    expect(injectOn(b, space, 2)).toMatchObject({ status: 'delivered', deliveredAtExercise: 10 * MIN, deliveredAt: clock + 30_000 });
    await eventually(a.ws, () => a.ws.store.pendingCount() === 0);

    netB.setMode('up');
    b.ws.sync.requestSync();
    await eventually(b.ws, () => b.ws.store.pendingCount() === 0 && injectOn(b, space, 2)?.deliveredAt === clock, 20_000);
    const status = await b.ws.call('sync.status', {});
    expect(status.rejected).toEqual([]);

    const db = rig.server.server.db;
    const rows = await db.query<{ data: Inject }>(`SELECT data FROM entity WHERE kind = 'inject' AND space = $1`, [space]);
    const second = rows.map((r) => r.data).find((i) => i.number === 2);
    expect(second).toMatchObject({ status: 'delivered', deliveredAtExercise: 10 * MIN, deliveredAt: clock });
    // Both desks' deliveries reached the server and were applied; only the first changed anything.
    const audit = await db.query<{ result: string }>(`SELECT result FROM audit WHERE space = $1 AND name = 'inject.deliverDue' AND args->>'id' = $2`, [space, second?.id ?? '']);
    expect(audit.map((r) => r.result)).toEqual(['applied', 'applied']);
  });
});
