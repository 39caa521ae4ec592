import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { placeInColumn } from '../../../src/domain/board/task-placement';
import { columns, filterTasks, isOverdue } from '../../../src/domain/board/tasks';
import { makeActor } from '../../fixtures/actors';
import { at, boardWorld, HOUR, T0 } from './board-fixture';

describe('task mutators', () => {
  it('creates a task in the to-do column, at its end', async () => {
    const { task } = await boardWorld();
    const first = await task();
    const second = await task({ title: 'Call in off-duty nurses' });
    expect(first.status).toBe('todo');
    expect(first.order < second.order).toBe(true);
  });

  it('refuses a task linked to an objective of another incident', async () => {
    const { task } = await boardWorld();
    await expect(task({ objectiveId: newId() })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('changes only the fields given, so edits of different fields made at once both survive', async () => {
    const { tx, run, task } = await boardWorld();
    const t = await task({ priority: 'normal' });
    await run('task.update', { id: t.id, title: 'Open 20 surge beds on ward 5' }, at(1));
    await run('task.update', { id: t.id, priority: 'urgent' }, at(2));
    expect(await tx.get('task', t.id)).toMatchObject({ title: 'Open 20 surge beds on ward 5', priority: 'urgent', updatedAt: T0 + 2 * 60_000 });
  });

  it('gives the same field to the mutation applied last', async () => {
    const { tx, run, task } = await boardWorld();
    const t = await task();
    await run('task.update', { id: t.id, assignee: { kind: 'person', name: 'Dr Wang' } }, at(5));
    await run('task.update', { id: t.id, assignee: { kind: 'position', positionId: 'logistics' } }, at(3));
    expect((await tx.get('task', t.id))?.assignee).toEqual({ kind: 'position', positionId: 'logistics' });
  });

  it('clears an optional field given as null and leaves it alone when absent', async () => {
    const { tx, run, task } = await boardWorld();
    const t = await task({ dueAt: T0 + HOUR });
    await run('task.update', { id: t.id, title: 'x' });
    expect((await tx.get('task', t.id))?.dueAt).toBe(T0 + HOUR);
    await run('task.update', { id: t.id, dueAt: null });
    expect((await tx.get('task', t.id))?.dueAt).toBeUndefined();
  });

  it('moves a card between two neighbours of another column and stamps who finished it', async () => {
    const { tx, run, task } = await boardWorld();
    const [a, b, c] = [await task(), await task(), await task()];
    await run('task.move', { id: a.id, status: 'done' });
    await run('task.move', { id: b.id, status: 'done', afterId: a.id });
    await run('task.move', { id: c.id, status: 'done', afterId: a.id, beforeId: b.id }, at(9));
    const done = columns([...(await tx.query('task', 'demo-hospital'))]).done;
    expect(done.map((t) => t.id)).toEqual([a.id, c.id, b.id]);
    expect(done[1]).toMatchObject({ doneAt: T0 + 9 * 60_000, doneBy: makeActor('operator').userId });
  });

  it('clears the done stamp when a card leaves the done column', async () => {
    const { tx, run, task } = await boardWorld();
    const t = await task();
    await run('task.move', { id: t.id, status: 'done' });
    await run('task.move', { id: t.id, status: 'in_progress' });
    const moved = await tx.get('task', t.id);
    expect(moved?.status).toBe('in_progress');
    expect(moved?.doneAt).toBeUndefined();
  });

  it('lands a card next to the neighbour still there when the other has left the column', () => {
    const column = [{ id: 'a', order: 'a0' }, { id: 'b', order: 'a1' }, { id: 'c', order: 'a2' }];
    const key = placeInColumn(column, 'b', 'gone');
    expect(key > 'a1' && key < 'a2').toBe(true);
    const atEnd = placeInColumn(column, 'gone');
    expect(atEnd > 'a2').toBe(true);
    const reordered = placeInColumn(column, 'c', 'a');
    expect(reordered > 'a2').toBe(true);
  });

  it('keeps every comment and checklist tick made one after another', async () => {
    const { tx, run, task } = await boardWorld();
    const t = await task({ checklist: [{ id: 'c1', text: 'Beds cleaned' }, { id: 'c2', text: 'Oxygen checked' }] });
    await run('task.comment', { id: t.id, commentId: 'k1', text: 'Ward 5 ready' });
    await run('task.comment', { id: t.id, commentId: 'k2', text: 'Ward 6 needs linen' });
    await run('task.checklistToggle', { id: t.id, itemId: 'c2', done: true });
    await run('task.checklistToggle', { id: t.id, itemId: 'c2', done: true });
    const after = await tx.get('task', t.id);
    expect(after?.comments.map((c) => c.text)).toEqual(['Ward 5 ready', 'Ward 6 needs linen']);
    expect(after?.checklist).toEqual([{ id: 'c1', text: 'Beds cleaned', done: false }, { id: 'c2', text: 'Oxygen checked', done: true }]);
  });

  it('refuses a tick of a checklist item that does not exist', async () => {
    const { run, task } = await boardWorld();
    const t = await task();
    await expect(run('task.checklistToggle', { id: t.id, itemId: 'nope', done: true })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets a viewer create no task', async () => {
    const { run, incidentId } = await boardWorld();
    await expect(
      run('task.create', { id: newId(), incidentId, title: 'x', section: 'planning', assignee: { kind: 'position', positionId: 'planning' } }, { actor: makeActor('viewer') }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses an assignee position that is not in the HICS tree', async () => {
    const { task } = await boardWorld();
    await expect(task({ assignee: { kind: 'position', positionId: 'ops.nowhere' } })).rejects.toMatchObject({ code: 'invalid_args' });
  });
});

describe('overdue and filters', () => {
  const base = { dueAt: T0, status: 'todo' } as const;
  it('calls a task overdue once its due time has passed and it is not done', () => {
    expect(isOverdue(base, T0 + 1)).toBe(true);
    expect(isOverdue(base, T0)).toBe(false);
    expect(isOverdue({ ...base, status: 'done' }, T0 + HOUR)).toBe(false);
    expect(isOverdue({ status: 'blocked' }, T0 + HOUR)).toBe(false);
  });

  it('filters by section, assignee and overdue together', async () => {
    const { task } = await boardWorld();
    const late = await task({ section: 'logistics', dueAt: T0 - HOUR, assignee: { kind: 'person', name: 'Li Na' } });
    await task({ section: 'logistics', assignee: { kind: 'person', name: 'Li Na' } });
    await task({ section: 'operations', dueAt: T0 - HOUR });
    const tasks = [late, await task()];
    expect(filterTasks(tasks, { section: 'logistics', assignee: { kind: 'person', name: ' li na ' }, overdueAt: T0 }).map((t) => t.id)).toEqual([late.id]);
  });
});
