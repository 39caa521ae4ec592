import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { storageKinds, type TestUser } from '../../fixtures/server';
import { eventually, useLoggedInStations } from '../../fixtures/sync';

/** Words only the MSEL holds: the script of inject 2, and what inject 1 expects of the players. */
const FUTURE = '第二批伤员12名在途';
const EXPECTED = '启动大规模伤亡预案';
const NOTE = '总指挥未通知总机';

function inject(number: number, minutes: number, message: string) {
  return { id: newId(), number, trigger: { type: 'at' as const, minutes }, from: '120 调度', to: 'ops', method: 'message' as const, subject: `注入 ${number}`, message, expectedAction: EXPECTED, controller: '导调A' };
}

describe.each(await storageKinds())('a player\'s desk pulls no future inject, no MSEL script and no evaluation, on %s', (storage) => {
  const rig = useLoggedInStations(storage);
  const desk = (user: TestUser) => rig.desk(user);
  let facilitator: TestUser;
  let player: TestUser;
  let evaluator: TestUser;

  beforeAll(async () => {
    facilitator = await rig.server.createUser({ roles: ['exercise_facilitator'] });
    player = await rig.server.createUser({ roles: ['operator'] });
    evaluator = await rig.server.createUser({ roles: ['viewer'] });
  });

  it('sends the player only what was delivered to them, without its expected action, while the evaluator receives the whole MSEL', async () => {
    const lead = await desk(facilitator);
    const created = await lead.ws.call('exercise.setUp', {
      name: '大巴侧翻桌面推演',
      type: 'tabletop',
      objectives: ['30分钟内启动指挥中心'],
      date: '2026-12-10',
      participants: [{ username: player.username, role: 'player', position: 'ops' }, { username: evaluator.username, role: 'evaluator' }],
    });
    const space = created.space.id;
    await lead.ws.call('space.enter', { space });
    await eventually(lead.ws, () => lead.ws.store.list('exercise', space).length === 1);
    await lead.ws.call('mutate', { name: 'inject.import', args: { exerciseId: created.exerciseId, injects: [inject(1, 0, '急诊科抢救床位仅剩2张'), inject(2, 90, FUTURE)] } });
    await lead.ws.call('mutate', { name: 'exercise.start', args: { id: created.exerciseId } });
    await lead.ws.injects.check();
    await eventually(lead.ws, () => lead.ws.store.pendingCount() === 0 && lead.ws.store.list('inject', space).some((i) => i.number === 1 && i.status === 'delivered'));

    const watcher = await desk(evaluator);
    await watcher.ws.call('space.enter', { space });
    await eventually(watcher.ws, () => watcher.ws.store.list('inject', space).length === 2);
    await watcher.ws.call('mutate', { name: 'evaluation.note', args: { id: newId(), exerciseId: created.exerciseId, kind: 'improvement', text: NOTE, injectNumber: 1, position: 'ops' } });
    await eventually(watcher.ws, () => watcher.ws.store.pendingCount() === 0);
    // The evaluator sees the scenario but does not change it (the same mutator refuses it on the server).
    const second = watcher.ws.store.list('inject', space).find((i) => i.number === 2);
    await expect(watcher.ws.call('mutate', { name: 'inject.edit', args: { id: second?.id ?? '', subject: '改动' } })).rejects.toThrow('exercise.control');
    await expect(watcher.ws.call('mutate', { name: 'exercise.pause', args: { id: created.exerciseId } })).rejects.toThrow('controller');

    const seat = await desk(player);
    await seat.ws.call('space.enter', { space });
    await eventually(seat.ws, () => seat.ws.store.list('exercise', space).length === 1 && seat.ws.store.list('inject', space).length === 1);
    const held = seat.ws.store.list('inject', space);
    expect(held.map((i) => [i.number, i.status, i.expectedAction])).toEqual([[1, 'delivered', '']]);
    const everything = JSON.stringify([...held, ...seat.ws.store.list('evaluatorNote', space), ...seat.ws.store.list('message', space)]);
    for (const secret of [FUTURE, EXPECTED, NOTE, '导调A']) expect(everything).not.toContain(secret);
    // The player reads only the MSEL as they may see it, and acts on what reached them.
    expect((await seat.ws.call('msel.get', {})).injects.map((i) => i.number)).toEqual([1]);
    await seat.ws.call('mutate', { name: 'inject.actOn', args: { id: held[0]?.id ?? '', note: '已启动预案' } });
    await eventually(seat.ws, () => seat.ws.store.pendingCount() === 0);
    expect((await seat.ws.call('sync.status', {})).rejected).toEqual([]);

    // Once delivered, inject 2 reaches the player too, still without its script.
    await lead.ws.call('mutate', { name: 'inject.deliver', args: { id: second?.id ?? '' } });
    await eventually(seat.ws, () => seat.ws.store.list('inject', space).length === 2, 15_000);
    expect(seat.ws.store.list('inject', space).find((i) => i.number === 2)).toMatchObject({ message: FUTURE, expectedAction: '', objectiveIds: [] });
  });
});
