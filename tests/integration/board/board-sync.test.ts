import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { storageKinds } from '../../fixtures/server';
import { eventually, useStationsBehindProxies, type Station } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';

describe.each(await storageKinds())('the commander board on two workstations through a real server on %s', (storage) => {
  const rig = useStationsBehindProxies(storage, ['incident_commander']);
  const station = () => rig.station();

  const settled = (s: Station) => eventually(s.ws, () => s.ws.store.pendingCount() === 0, 20_000);
  const taskOn = (s: Station, id: string) => s.ws.store.list('task', SPACE).find((t) => t.id === id);

  /** Two workstations that both see one incident with one task on it. */
  async function boardWithTask() {
    const a = await station();
    const b = await station();
    const incident = makeIncidentArgs();
    const taskId = newId();
    await a.s.ws.call('mutate', { name: 'incident.declare', args: incident });
    await a.s.ws.call('mutate', {
      name: 'task.create',
      args: { id: taskId, incidentId: incident.id, title: 'Open surge beds', section: 'operations', assignee: { kind: 'position', positionId: 'ops' } },
    });
    await settled(a.s);
    await eventually(b.s.ws, () => taskOn(b.s, taskId) !== undefined);
    return { a, b, incidentId: incident.id, taskId };
  }

  async function reconnect(station: Awaited<ReturnType<typeof rig.station>>) {
    station.net.setMode('up');
    await station.s.ws.call('sync.now', {});
    await settled(station.s);
  }

  it('keeps both edits when two workstations change different fields of one task offline', async () => {
    const { a, b, taskId } = await boardWithTask();
    a.net.setMode('down');
    b.net.setMode('down');
    await a.s.ws.call('mutate', { name: 'task.update', args: { id: taskId, title: 'Open 20 surge beds on ward 5' } });
    await b.s.ws.call('mutate', { name: 'task.update', args: { id: taskId, priority: 'urgent' } });
    await reconnect(a);
    await reconnect(b);
    const merged = (s: Station) => taskOn(s, taskId)?.title === 'Open 20 surge beds on ward 5' && taskOn(s, taskId)?.priority === 'urgent';
    await eventually(a.s.ws, () => merged(a.s), 20_000);
    await eventually(b.s.ws, () => merged(b.s), 20_000);
  });

  it('gives the same field to the change the server applies last, on both workstations', async () => {
    const { a, b, taskId } = await boardWithTask();
    a.net.setMode('down');
    await a.s.ws.call('mutate', { name: 'task.update', args: { id: taskId, assignee: { kind: 'person', name: 'Dr Wang' } } });
    await b.s.ws.call('mutate', { name: 'task.update', args: { id: taskId, assignee: { kind: 'person', name: 'Dr Liu' } } });
    await settled(b.s);
    await reconnect(a);
    const wang = (s: Station) => {
      const assignee = taskOn(s, taskId)?.assignee;
      return assignee?.kind === 'person' && assignee.name === 'Dr Wang';
    };
    await eventually(a.s.ws, () => wang(a.s), 20_000);
    await eventually(b.s.ws, () => wang(b.s), 20_000);
  });

  it('ends a task moved on two offline workstations in one column on both after they reconnect', async () => {
    const { a, b, taskId } = await boardWithTask();
    a.net.setMode('down');
    b.net.setMode('down');
    await a.s.ws.call('mutate', { name: 'task.move', args: { id: taskId, status: 'done' } });
    await b.s.ws.call('mutate', { name: 'task.move', args: { id: taskId, status: 'blocked' } });
    expect(taskOn(a.s, taskId)?.status).toBe('done');
    await reconnect(a);
    await reconnect(b);
    const blocked = (s: Station) => taskOn(s, taskId)?.status === 'blocked' && taskOn(s, taskId)?.doneAt === undefined;
    await eventually(a.s.ws, () => blocked(a.s), 20_000);
    await eventually(b.s.ws, () => blocked(b.s), 20_000);
    expect(taskOn(a.s, taskId)?.order).toBe(taskOn(b.s, taskId)?.order);
  });

  it('refuses changes made offline to an incident closed meanwhile, and tells their author why', async () => {
    const { a, b, incidentId, taskId } = await boardWithTask();
    a.net.setMode('down');
    const entryId = newId();
    await a.s.ws.call('mutate', { name: 'log.append', args: { id: entryId, incidentId, text: 'Ward 5 opened' } });
    await a.s.ws.call('mutate', { name: 'task.move', args: { id: taskId, status: 'in_progress' } });
    expect(a.s.ws.store.list('logEntry', SPACE).some((e) => e.id === entryId)).toBe(true);
    await b.s.ws.call('mutate', { name: 'incident.close', args: { id: incidentId, reason: 'all patients placed' } });
    await settled(b.s);

    await reconnect(a);
    await eventually(a.s.ws, () => a.s.ws.sync.status().rejected.length === 2, 20_000);
    const rejected = a.s.ws.sync.status().rejected;
    expect(rejected.map((r) => [r.name, r.code])).toEqual([
      ['log.append', 'incident_closed'],
      ['task.move', 'incident_closed'],
    ]);
    expect(a.s.ws.store.list('logEntry', SPACE).some((e) => e.id === entryId)).toBe(false);
    expect(taskOn(a.s, taskId)?.status).toBe('todo');
    const board = await a.s.ws.call('board.get', { incidentId });
    expect(board.incident.status).toBe('closed');
  });
});
