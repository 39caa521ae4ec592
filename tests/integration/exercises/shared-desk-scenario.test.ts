import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { storageKinds, type TestUser } from '../../fixtures/server';
import { rowsAtRest } from '../../fixtures/workstation';
import { eventually, useLoggedInStations, type Station } from '../../fixtures/sync';

/** Words only the MSEL holds: the script of the future inject, and what each inject expects of the players. */
const FUTURE = '第二批伤员12名在途';
const EXPECTED = '启动大规模伤亡预案';
const DELIVERED = '急诊科抢救床位仅剩2张';

function inject(number: number, minutes: number, message: string) {
  return { id: newId(), number, trigger: { type: 'at' as const, minutes }, from: '120 调度', to: 'ops', method: 'message' as const, subject: `注入 ${number}`, message, expectedAction: EXPECTED, controller: '导调A' };
}

describe.each(await storageKinds())('a shared desk keeps no more of an exercise scenario than its current user may see, on %s', (storage) => {
  const rig = useLoggedInStations(storage);
  let facilitator: TestUser;
  let controller: TestUser;
  let player: TestUser;

  beforeAll(async () => {
    facilitator = await rig.server.createUser({ roles: ['exercise_facilitator'] });
    controller = await rig.server.createUser({ roles: ['operator'] });
    player = await rig.server.createUser({ roles: ['operator'] });
  });

  /** The kinds a few sync rounds wrote on the desk: with nothing new on the server, a pull that started again writes the space again. */
  const rewrittenBySync = async (s: Station): Promise<string[]> => {
    const kinds = new Set<string>();
    const stop = s.ws.subscribe((event) => {
      if (event.type === 'changed') for (const kind of event.kinds) kinds.add(kind);
    });
    for (let round = 0; round < 3; round++) await s.ws.call('sync.now', {});
    stop();
    return [...kinds];
  };

  const switchUser = async (s: Station, user: TestUser) => {
    await s.ws.call('auth.logout', {});
    await s.ws.call('auth.login', { serverUrl: rig.server.url, username: user.username, password: user.password });
  };

  it('takes the controller’s MSEL off the desk when a player logs in after them, leaves the player’s view of it, and gives the whole MSEL back to the controller', async () => {
    const lead = await rig.desk(facilitator);
    const created = await lead.ws.call('exercise.setUp', {
      name: '大巴侧翻桌面推演',
      type: 'tabletop',
      objectives: ['30分钟内启动指挥中心'],
      date: '2026-12-10',
      participants: [{ username: controller.username, role: 'controller' }, { username: player.username, role: 'player', position: 'ops' }],
    });
    const space = created.space.id;
    await lead.ws.call('space.enter', { space });
    await eventually(lead.ws, () => lead.ws.store.list('exercise', space).length === 1);
    await lead.ws.call('mutate', { name: 'inject.import', args: { exerciseId: created.exerciseId, injects: [inject(1, 0, DELIVERED), inject(2, 90, FUTURE)] } });
    await lead.ws.call('mutate', { name: 'exercise.start', args: { id: created.exerciseId } });
    await lead.ws.injects.check();
    await eventually(lead.ws, () => lead.ws.store.pendingCount() === 0 && lead.ws.store.list('inject', space).some((i) => i.number === 1 && i.status === 'delivered'));

    const shared = await rig.desk(controller);
    await shared.ws.call('space.enter', { space });
    const injects = () => shared.ws.store.list('inject', space);
    await eventually(shared.ws, () => injects().length === 2, 20_000);
    expect(rowsAtRest(shared.dataDir)).toContain(FUTURE);

    await switchUser(shared, player);
    await shared.ws.call('space.enter', { space });
    await eventually(shared.ws, () => injects().length === 1, 20_000);
    await shared.ws.call('sync.now', {});
    const atRest = rowsAtRest(shared.dataDir);
    for (const secret of [FUTURE, EXPECTED, '导调A']) expect(atRest).not.toContain(secret);
    // Nor in the bytes of the file and its WAL, where deleted rows and earlier page images would otherwise linger.
    for (const file of ['workstation.sqlite', 'workstation.sqlite-wal']) {
      const path = join(shared.dataDir, file);
      if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from(FUTURE))).toBe(false);
    }
    expect(injects().map((i) => [i.number, i.status, i.message, i.expectedAction])).toEqual([[1, 'delivered', DELIVERED, '']]);
    expect((await shared.ws.call('msel.get', {})).injects.map((i) => i.number)).toEqual([1]);
    // Settled: the desk does not pull the space again and again.
    expect(await rewrittenBySync(shared)).toEqual([]);

    await switchUser(shared, controller);
    await shared.ws.call('space.enter', { space });
    await eventually(shared.ws, () => injects().length === 2 && injects().every((i) => i.expectedAction === EXPECTED), 20_000);
    expect(injects().find((i) => i.number === 2)).toMatchObject({ message: FUTURE, status: 'pending' });
    expect(await rewrittenBySync(shared)).toEqual([]);
  });
});
