import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import type { TaskStatus } from '../../../src/domain/board/tasks';
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

  /** A second desk logged in as another account, so each decision has its own author. */
  async function asSecondUser(st: Station, password = 'another-long-passphrase') {
    const other = await rig.server.createUser({ roles: ['operator'], password });
    const serverUrl = st.ws.sync.status().serverUrl ?? '';
    await st.ws.call('auth.logout', {});
    await st.ws.call('auth.login', { serverUrl, username: other.username, password });
    return other;
  }

  const move = (s: Station, id: string, status: TaskStatus, seen: TaskStatus) =>
    s.ws.call('mutate', { name: 'task.move', args: { id, status, seen, moveId: newId() } });

  it('keeps a task one desk finished when another moved it offline against the earlier status, and shows both on both desks', async () => {
    const { a, b, incidentId, taskId } = await boardWithTask();
    const bob = await asSecondUser(b.s);
    await move(a.s, taskId, 'in_progress', 'todo');
    await settled(a.s);
    await eventually(b.s.ws, () => taskOn(b.s, taskId)?.status === 'in_progress', 20_000);

    a.net.setMode('down');
    await move(a.s, taskId, 'blocked', 'in_progress');
    expect(taskOn(a.s, taskId)?.status).toBe('blocked');
    await move(b.s, taskId, 'done', 'in_progress');
    await settled(b.s);
    await reconnect(a);

    const settledBoth = (s: Station) => taskOn(s, taskId)?.status === 'done' && taskOn(s, taskId)?.conflicts?.length === 1;
    await eventually(a.s.ws, () => settledBoth(a.s), 20_000);
    await eventually(b.s.ws, () => settledBoth(b.s), 20_000);
    for (const s of [a.s, b.s]) {
      const task = taskOn(s, taskId);
      expect(task).toMatchObject({ status: 'done', doneBy: bob.id });
      expect(task?.conflicts?.[0]).toMatchObject({
        kept: { status: 'done', by: bob.id },
        overridden: { status: 'blocked', by: rig.user.id, seen: 'in_progress' },
        acknowledgedBy: [],
      });
      const timeline = await s.ws.call('timeline.get', { incidentId });
      expect(timeline.filter((i) => i.type === 'task_done' || i.type === 'task_conflict').map((i) => [i.type, i.by])).toEqual(
        expect.arrayContaining([['task_done', bob.id], ['task_conflict', rig.user.id]]),
      );
    }
    expect(a.s.ws.sync.status().rejected).toEqual([]);
  });

  it('settles a conflict from either desk as an ordinary change that reaches the other', async () => {
    const { a, b, taskId } = await boardWithTask();
    await asSecondUser(b.s);
    a.net.setMode('down');
    await move(a.s, taskId, 'blocked', 'todo');
    await move(b.s, taskId, 'done', 'todo');
    await settled(b.s);
    await reconnect(a);
    await eventually(a.s.ws, () => taskOn(a.s, taskId)?.conflicts?.length === 1, 20_000);
    const conflictId = taskOn(a.s, taskId)?.conflicts?.[0]?.id ?? '';

    // B settles only once it has the conflict too: it reaches B through the server, after A's reconnect.
    await eventually(b.s.ws, () => taskOn(b.s, taskId)?.conflicts?.length === 1, 20_000);
    await a.s.ws.call('mutate', { name: 'task.acknowledgeConflict', args: { id: taskId, conflictId } });
    await b.s.ws.call('mutate', { name: 'task.resolveConflict', args: { id: taskId, conflictId, status: 'blocked', seen: 'done', moveId: newId() } });
    await settled(a.s);
    await settled(b.s);
    const resolved = (s: Station) => {
      const task = taskOn(s, taskId);
      const conflict = task?.conflicts?.[0];
      return task?.status === 'blocked' && conflict?.resolved?.status === 'blocked' && conflict.acknowledgedBy.length === 2;
    };
    await eventually(a.s.ws, () => resolved(a.s), 20_000);
    await eventually(b.s.ws, () => resolved(b.s), 20_000);
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
