import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import type { Actor } from '../../../src/domain/roles';
import { concerns, conflictsToShow, judgeMove } from '../../../src/domain/board/task-conflicts';
import { buildTimeline } from '../../../src/domain/board/timeline';
import { makeActor } from '../../fixtures/actors';
import { at, boardWorld, T0, MINUTE } from './board-fixture';

const alice: Actor = { userId: 'alice', roles: ['operator'] };
const bob: Actor = { userId: 'bob', roles: ['operator'] };
const carol: Actor = { userId: 'carol', roles: ['incident_commander'] };

/** A task both desks last saw in progress. */
async function taskInProgress() {
  const world = await boardWorld();
  const task = await world.task();
  await world.run('task.move', { id: task.id, status: 'in_progress', seen: 'todo', moveId: newId() }, at(1));
  const current = async () => {
    const t = await world.tx.get('task', task.id);
    if (!t) throw new Error('task gone');
    return t;
  };
  return { ...world, taskId: task.id, current };
}

describe('status moves made without seeing each other', () => {
  it('keeps a task done when a move made offline against the earlier status arrives later, and records both', async () => {
    const { run, taskId, current } = await taskInProgress();
    const staleMove = newId();
    await run('task.move', { id: taskId, status: 'done', seen: 'in_progress', moveId: newId() }, { ...at(10), actor: bob });
    await run('task.move', { id: taskId, status: 'blocked', seen: 'in_progress', moveId: staleMove }, { ...at(5), actor: alice });

    const task = await current();
    expect(task).toMatchObject({ status: 'done', doneBy: 'bob', doneAt: T0 + 10 * MINUTE, statusBy: 'bob' });
    expect(task.conflicts).toEqual([
      {
        id: staleMove,
        field: 'status',
        kept: { status: 'done', by: 'bob', at: T0 + 10 * MINUTE },
        overridden: { status: 'blocked', by: 'alice', at: T0 + 5 * MINUTE, seen: 'in_progress' },
        acknowledgedBy: [],
      },
    ]);
  });

  it('keeps the status in force whichever desk clock is later, so a skewed clock decides nothing', async () => {
    const { run, taskId, current } = await taskInProgress();
    await run('task.move', { id: taskId, status: 'done', seen: 'in_progress', moveId: newId() }, { ...at(10), actor: bob });
    await run('task.move', { id: taskId, status: 'blocked', seen: 'in_progress', moveId: newId() }, { ...at(24 * 60), actor: alice });
    expect((await current()).status).toBe('done');
  });

  it('applies a move whose author saw the status in force, and stamps who set it', async () => {
    const { run, taskId, current } = await taskInProgress();
    await run('task.move', { id: taskId, status: 'blocked', seen: 'in_progress', moveId: newId() }, { ...at(5), actor: alice });
    expect(await current()).toMatchObject({ status: 'blocked', statusBy: 'alice', statusAt: T0 + 5 * MINUTE });
    expect((await current()).conflicts).toBeUndefined();
  });

  it('records no conflict when the stale move asks for the status already in force, and keeps the first finisher', async () => {
    const { run, taskId, current } = await taskInProgress();
    await run('task.move', { id: taskId, status: 'done', seen: 'in_progress', moveId: newId() }, { ...at(10), actor: bob });
    await run('task.move', { id: taskId, status: 'done', seen: 'in_progress', moveId: newId() }, { ...at(12), actor: alice });
    expect(await current()).toMatchObject({ status: 'done', doneBy: 'bob', doneAt: T0 + 10 * MINUTE });
    expect((await current()).conflicts).toBeUndefined();
  });

  it('drops a reorder made in a column the card has since left, without a conflict', async () => {
    const { run, taskId, current } = await taskInProgress();
    await run('task.move', { id: taskId, status: 'done', seen: 'in_progress', moveId: newId() }, { ...at(10), actor: bob });
    const before = await current();
    await run('task.move', { id: taskId, status: 'in_progress', seen: 'in_progress', moveId: newId() }, { ...at(11), actor: alice });
    expect(await current()).toEqual(before);
  });

  it('treats every later offline move of the same desk as stale too, so none of them undoes the decision', async () => {
    const { run, taskId, current } = await taskInProgress();
    await run('task.move', { id: taskId, status: 'done', seen: 'in_progress', moveId: newId() }, { ...at(10), actor: bob });
    await run('task.move', { id: taskId, status: 'blocked', seen: 'in_progress', moveId: newId() }, { ...at(5), actor: alice });
    await run('task.move', { id: taskId, status: 'todo', seen: 'blocked', moveId: newId() }, { ...at(6), actor: alice });
    const task = await current();
    expect(task.status).toBe('done');
    expect(task.conflicts?.map((c) => [c.overridden.seen, c.overridden.status])).toEqual([['in_progress', 'blocked'], ['blocked', 'todo']]);
  });

  it('records a replayed stale move once', async () => {
    const { run, taskId, current } = await taskInProgress();
    await run('task.move', { id: taskId, status: 'done', seen: 'in_progress', moveId: newId() }, { ...at(10), actor: bob });
    const move = { id: taskId, status: 'blocked', seen: 'in_progress', moveId: newId() } as const;
    await run('task.move', move, { ...at(5), actor: alice });
    await run('task.move', move, { ...at(5), actor: alice });
    expect((await current()).conflicts).toHaveLength(1);
  });

  it('keeps last-writer-wins for a move that carries no seen status (queued by a desk before this rule)', async () => {
    const { run, taskId, current } = await taskInProgress();
    await run('task.move', { id: taskId, status: 'done', seen: 'in_progress', moveId: newId() }, { ...at(10), actor: bob });
    await run('task.move', { id: taskId, status: 'blocked' }, { ...at(5), actor: alice });
    expect(await current()).toMatchObject({ status: 'blocked' });
    expect((await current()).doneAt).toBeUndefined();
  });

  it('refuses a move that names what it saw without naming itself', async () => {
    const { run, taskId } = await taskInProgress();
    await expect(run('task.move', { id: taskId, status: 'done', seen: 'in_progress' })).rejects.toMatchObject({ code: 'invalid_args' });
  });

  it('judges on status alone: the same state and arguments give the same verdict on desk and server', () => {
    expect(judgeMove('done', 'blocked', 'in_progress')).toBe('conflict');
    expect(judgeMove('done', 'blocked', 'done')).toBe('apply');
    expect(judgeMove('done', 'done', 'in_progress')).toBe('apply');
    expect(judgeMove('done', 'in_progress', 'in_progress')).toBe('moot');
    expect(judgeMove('done', 'blocked', undefined)).toBe('apply');
  });
});

describe('the conflict notice: acknowledge and resolve', () => {
  async function conflicted() {
    const world = await taskInProgress();
    const conflictId = newId();
    await world.run('task.move', { id: world.taskId, status: 'done', seen: 'in_progress', moveId: newId() }, { ...at(10), actor: bob });
    await world.run('task.move', { id: world.taskId, status: 'blocked', seen: 'in_progress', moveId: conflictId }, { ...at(5), actor: alice });
    return { ...world, conflictId };
  }

  it('shows the conflict to everyone until each dismisses it for themselves, and lists it for both authors', async () => {
    const { run, taskId, conflictId, current } = await conflicted();
    const [conflict] = conflictsToShow(await current(), 'alice');
    expect(conflict?.id).toBe(conflictId);
    expect(conflict && [concerns(conflict, 'alice'), concerns(conflict, 'bob'), concerns(conflict, 'carol')]).toEqual([true, true, false]);

    await run('task.acknowledgeConflict', { id: taskId, conflictId }, { ...at(20), actor: alice });
    await run('task.acknowledgeConflict', { id: taskId, conflictId }, { ...at(21), actor: alice });
    const task = await current();
    expect(task.conflicts?.[0]?.acknowledgedBy).toEqual(['alice']);
    expect(conflictsToShow(task, 'alice')).toEqual([]);
    expect(conflictsToShow(task, 'carol')).toHaveLength(1);
    expect(task.status).toBe('done');
  });

  it('lets a viewer dismiss the notice for themselves, though they may move no card', async () => {
    const { run, taskId, conflictId, current } = await conflicted();
    await run('task.acknowledgeConflict', { id: taskId, conflictId }, { actor: makeActor('viewer') });
    expect((await current()).conflicts?.[0]?.acknowledgedBy).toEqual([makeActor('viewer').userId]);
  });

  it('settles a conflict with the chosen status as an ordinary move, and the timeline keeps both decisions and the choice', async () => {
    const { run, tx, incidentId, taskId, conflictId, current } = await conflicted();
    await run('task.resolveConflict', { id: taskId, conflictId, status: 'blocked', seen: 'done', moveId: newId() }, { ...at(30), actor: carol });
    const task = await current();
    expect(task).toMatchObject({ status: 'blocked', statusBy: 'carol' });
    expect(task.doneAt).toBeUndefined();
    expect(task.conflicts?.[0]?.resolved).toEqual({ status: 'blocked', by: 'carol', at: T0 + 30 * MINUTE });
    expect(conflictsToShow(task, 'alice')).toEqual([]);

    const incident = await tx.get('incident', incidentId);
    if (!incident) throw new Error('missing');
    const timeline = buildTimeline({ incident, tasks: await tx.query('task', 'demo-hospital') });
    expect(timeline.filter((i) => i.type.startsWith('task_'))).toMatchObject([
      { type: 'task_conflict', by: 'alice', at: T0 + 5 * MINUTE, status: 'blocked', seen: 'in_progress', kept: 'done', keptBy: 'bob', keptAt: T0 + 10 * MINUTE },
      { type: 'task_conflict_resolved', by: 'carol', at: T0 + 30 * MINUTE, status: 'blocked' },
    ]);
  });

  it('settles a conflict by keeping the status in force without moving the card', async () => {
    const { run, taskId, conflictId, current } = await conflicted();
    const before = await current();
    await run('task.resolveConflict', { id: taskId, conflictId, status: 'done', seen: 'done', moveId: newId() }, { ...at(30), actor: alice });
    const task = await current();
    expect(task).toMatchObject({ status: 'done', order: before.order, doneBy: 'bob' });
    expect(task.conflicts?.[0]?.resolved).toMatchObject({ status: 'done', by: 'alice' });
  });

  it('records a resolution made against a status that changed meanwhile as a new conflict, leaving the first open', async () => {
    const { run, taskId, conflictId, current } = await conflicted();
    await run('task.move', { id: taskId, status: 'in_progress', seen: 'done', moveId: newId() }, { ...at(25), actor: bob });
    await run('task.resolveConflict', { id: taskId, conflictId, status: 'blocked', seen: 'done', moveId: newId() }, { ...at(30), actor: carol });
    const task = await current();
    expect(task.status).toBe('in_progress');
    expect(task.conflicts?.map((c) => [c.overridden.by, c.resolved === undefined])).toEqual([['alice', true], ['carol', true]]);
  });

  it('records a choice to keep a status that has changed meanwhile as a new conflict, rather than putting it back', async () => {
    const { run, taskId, conflictId, current } = await conflicted();
    await run('task.move', { id: taskId, status: 'in_progress', seen: 'done', moveId: newId() }, { ...at(25), actor: bob });
    await run('task.resolveConflict', { id: taskId, conflictId, status: 'done', seen: 'done', moveId: newId() }, { ...at(30), actor: carol });
    const task = await current();
    expect(task.status).toBe('in_progress');
    expect(task.conflicts?.map((c) => [c.overridden.status, c.kept.status, c.resolved === undefined])).toEqual([['blocked', 'done', true], ['done', 'in_progress', true]]);
  });

  it('refuses to acknowledge or resolve a conflict the task does not have', async () => {
    const { run, taskId } = await conflicted();
    await expect(run('task.acknowledgeConflict', { id: taskId, conflictId: newId() })).rejects.toMatchObject({ code: 'not_found' });
    await expect(run('task.resolveConflict', { id: taskId, conflictId: newId(), status: 'done', seen: 'done', moveId: newId() })).rejects.toMatchObject({ code: 'not_found' });
  });
});
