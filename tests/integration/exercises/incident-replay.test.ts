import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { storageKinds, type TestUser } from '../../fixtures/server';
import { eventually, useLoggedInStations, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';
/** Names only the real incident's casualty records and one log line hold. */
const PATIENT = '李秀英';
const OTHER_PATIENT = 'Wang Fang';

describe.each(await storageKinds())('replaying a closed real incident into a drill\'s MSEL, on %s', (storage) => {
  const rig = useLoggedInStations(storage);
  let commander: TestUser;
  let facilitator: TestUser;
  let player: TestUser;
  let evaluator: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    commander = await rig.server.createUser({ roles: ['incident_commander'] });
    facilitator = await rig.server.createUser({ roles: ['exercise_facilitator'] });
    player = await rig.server.createUser({ roles: ['operator'] });
    evaluator = await rig.server.createUser({ roles: ['viewer'] });
    admin = await rig.server.createUser({ roles: ['admin'] });
  });

  const mutate = (s: Station, name: string, args: unknown) => s.ws.call('mutate', { name, args } as never);

  it('appends the incident\'s log, messages, stock, bed and casualty changes as injects the server holds, hidden from players, with no patient name', async () => {
    const command = await rig.desk(commander);
    const incidentId = newId();
    const discoveredAt = Date.now() - 45 * 60_000;
    await mutate(command, 'incident.declare', { id: incidentId, name: 'Chemical spill, east gate', type: 'mass_casualty', level: 'III', discoveredAt });
    await mutate(command, 'log.append', { id: newId(), incidentId, positionId: 'ops', text: `Decontamination tent up; ${PATIENT} first through` });
    await mutate(command, 'message.send', { id: newId(), incidentId, to: 'Logistics Section Chief', from: 'Zhou Min, Incident Commander', subject: 'Respirators', message: 'Send 20 respirators to the east gate' });
    const stockId = newId();
    await mutate(command, 'stock.receive', { id: stockId, item: 'Respirators', store: 'Central', qty: 50 });
    await mutate(command, 'stock.issue', { id: stockId, qty: 20 });
    await mutate(command, 'bed.update', { id: newId(), unit: 'ED', type: 'emergency_department', staffed: 12, occupied: 10 });
    await mutate(command, 'casualty.register', { incidentId, tagNo: 'E-1', category: 'immediate', area: 'Decon', name: PATIENT, mrn: 'MRN-7731' });
    await mutate(command, 'casualty.register', { incidentId, tagNo: 'E-2', category: 'minor', area: 'Decon', name: OTHER_PATIENT });
    for (const c of command.ws.store.list('casualty', SPACE)) await mutate(command, 'casualty.dispose', { id: c.id, code: 'discharged' });

    const lead = await rig.desk(facilitator);
    const created = await lead.ws.call('exercise.setUp', {
      name: 'Replay: chemical spill',
      type: 'functional',
      objectives: ['Decontaminate before the ED door'],
      date: '2026-12-10',
      participants: [{ username: player.username, role: 'player', position: 'ops' }, { username: evaluator.username, role: 'evaluator' }, { username: admin.username, role: 'controller' }],
    });
    const space = created.space.id;
    await lead.ws.call('space.enter', { space });
    await eventually(lead.ws, () => lead.ws.store.list('exercise', space).length === 1 && lead.ws.store.list('casualty', SPACE).length === 2, 20_000);
    const request = { space: SPACE, incidentId, language: 'en' as const };

    // An open incident is history still being written: refused, naming why.
    await expect(lead.ws.call('msel.replayPreview', request)).rejects.toMatchObject({ error: { code: 'replay_not_closed' } });
    await mutate(command, 'incident.close', { id: incidentId, reason: 'Spill contained' });
    await eventually(lead.ws, () => lead.ws.store.list('incident', SPACE)[0]?.status === 'closed', 20_000);

    expect((await lead.ws.call('msel.replaySources', {})).map((s) => s.incidentId)).toEqual([incidentId]);
    const preview = await lead.ws.call('msel.replayPreview', request);
    // The facilitator may not see casualty names, and one is named: the log and message texts stay behind.
    expect(preview).toMatchObject({ adding: 5, omitted: 0, textsWithheld: true, firstNumber: 1, counts: { log: 1, messages: 1, stock: 2, beds: 1, casualties: 2 } });
    // Nothing real is referred to from the exercise: the real space is only read, and an exercise is no source.
    await expect(lead.ws.call('msel.replayPreview', { ...request, space })).rejects.toMatchObject({ error: { code: 'invalid_args' } });

    const done = await lead.ws.call('msel.replay', request);
    expect(done).toMatchObject({ added: 5, omitted: 0 });
    await eventually(lead.ws, () => lead.ws.store.pendingCount() === 0, 20_000);
    expect((await lead.ws.call('sync.status', {})).rejected).toEqual([]);

    // The evaluator's desk pulls the MSEL from the server: the injects are there, at their minutes after discovery.
    const watcher = await rig.desk(evaluator);
    await watcher.ws.call('space.enter', { space });
    await eventually(watcher.ws, () => watcher.ws.store.list('inject', space).length === 5, 20_000);
    const held = watcher.ws.store.list('inject', space).sort((a, b) => a.number - b.number);
    expect(held.map((i) => i.method).sort()).toEqual(['beds', 'casualties', 'message', 'message', 'stock']);
    expect(held.every((i) => i.trigger.type === 'at' && i.trigger.minutes >= 44 && i.status === 'pending')).toBe(true);
    expect(held.find((i) => i.method === 'casualties')?.message).toMatch(/immediate 1, minor 1\. Synthetic patients SIM-1–SIM-2\./);
    const everything = JSON.stringify(held);
    for (const secret of [PATIENT, OTHER_PATIENT, 'MRN-7731', 'E-1', 'E-2', 'Zhou Min', commander.username]) expect(everything).not.toContain(secret);
    expect(held.filter((i) => i.method === 'message').map((i) => i.message.slice(0, 15))).toEqual(['Text not copied', 'Text not copied']);

    // A second replay appends after the first, numbered on.
    await lead.ws.call('msel.replay', { ...request, language: 'zh-CN' });
    await eventually(lead.ws, () => lead.ws.store.pendingCount() === 0 && lead.ws.store.list('inject', space).length === 10, 20_000);
    expect(lead.ws.store.list('inject', space).map((i) => i.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // A desk that holds the names (its user may identify patients) copies the texts, with every name taken out.
    const keeper = await rig.desk(admin);
    await keeper.ws.call('space.enter', { space });
    await eventually(keeper.ws, () => keeper.ws.store.list('inject', space).length === 10 && keeper.ws.store.list('casualty', SPACE).some((c) => c.name === PATIENT), 20_000);
    expect(await keeper.ws.call('msel.replayPreview', request)).toMatchObject({ adding: 5, firstNumber: 11, textsWithheld: false });
    await keeper.ws.call('msel.replay', request);
    await eventually(keeper.ws, () => keeper.ws.store.pendingCount() === 0, 20_000);
    await eventually(watcher.ws, () => watcher.ws.store.list('inject', space).length === 15, 20_000);
    const copied = watcher.ws.store.list('inject', space).filter((i) => i.number > 10);
    expect(copied.map((i) => i.message)).toContain('Decontamination tent up; [patient] first through');
    expect(copied.map((i) => i.message)).toContain('Send 20 respirators to the east gate');
    for (const secret of [PATIENT, OTHER_PATIENT, 'MRN-7731', 'Zhou Min']) expect(JSON.stringify(copied)).not.toContain(secret);

    // The player's desk holds none of the script before it is delivered, and may not replay into it.
    const seat = await rig.desk(player);
    await seat.ws.call('space.enter', { space });
    await eventually(seat.ws, () => seat.ws.store.list('exercise', space).length === 1, 20_000);
    expect(seat.ws.store.list('inject', space)).toEqual([]);
    await expect(seat.ws.call('msel.replay', request)).rejects.toMatchObject({ error: { code: 'forbidden' } });
    // The server refuses the append itself to someone without exercise.control, whatever their desk sent.
    await expect(mutate(seat, 'inject.append', { exerciseId: created.exerciseId, injects: [{ id: newId(), number: 11, trigger: { type: 'at', minutes: 0 }, from: 'x', to: 'all', subject: 'x', message: 'x' }] })).rejects.toMatchObject({ error: { code: 'forbidden' } });

    // Once play has started, the MSEL takes no replay.
    await mutate(lead, 'exercise.start', { id: created.exerciseId });
    await expect(lead.ws.call('msel.replay', request)).rejects.toMatchObject({ error: { code: 'invalid_transition' } });
  });
});
