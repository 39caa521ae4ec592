import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../../src/renderer/features/board/keep-unchanged';

type Card = { id: string; status: string; checklist: { id: string; done: boolean }[]; dueAt?: number };
const card = (id: string, status = 'todo', extra: Partial<Card> = {}): Card => ({ id, status, checklist: [{ id: 'c1', done: false }], ...extra });
const board = (tasks: Card[]) => ({ incident: { id: 'i', name: 'Flood' }, tasks });

describe('keeping unchanged parts of a refetched board', () => {
  it('returns the previous board itself when the refetch is equal to it', () => {
    const prev = board([card('a'), card('b')]);
    const next = structuredClone(prev);
    expect(keepUnchanged(prev, next)).toBe(prev);
  });

  it('gives only the changed task a new object and keeps every other task and part', () => {
    const prev = board([card('a'), card('b'), card('c')]);
    const next = board([card('a'), card('b', 'done'), card('c')]);
    const kept = keepUnchanged(prev, next);
    expect(kept).toEqual(next);
    expect(kept).not.toBe(prev);
    expect(kept.tasks).not.toBe(prev.tasks);
    expect(kept.incident).toBe(prev.incident);
    expect(kept.tasks[0]).toBe(prev.tasks[0]);
    expect(kept.tasks[1]).not.toBe(prev.tasks[1]);
    expect(kept.tasks[1]?.checklist).toBe(prev.tasks[1]?.checklist);
    expect(kept.tasks[2]).toBe(prev.tasks[2]);
  });

  it('matches rows by id, so a task inserted in the middle does not renew the rows after it', () => {
    const prev = board([card('a'), card('c')]);
    const kept = keepUnchanged(prev, board([card('a'), card('b'), card('c')]));
    expect(kept.tasks.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(kept.tasks[2]).toBe(prev.tasks[1]);
  });

  it('sees a field that appeared, vanished or changed inside a nested list', () => {
    const prev = board([card('a'), card('b', 'todo', { dueAt: 5 })]);
    const next = board([card('a', 'todo', { dueAt: 9 }), card('b')]);
    next.tasks[0]?.checklist.push({ id: 'c2', done: true });
    const kept = keepUnchanged(prev, next);
    expect(kept).toEqual(next);
    expect(kept.tasks[0]).not.toBe(prev.tasks[0]);
    expect(kept.tasks[1]).not.toBe(prev.tasks[1]);
    expect(kept.tasks[1]).not.toHaveProperty('dueAt');
    expect(kept.tasks[1]?.checklist).toBe(prev.tasks[1]?.checklist);
  });

  it('takes the new value when there was nothing before', () => {
    const next = board([card('a')]);
    expect(keepUnchanged<ReturnType<typeof board> | null>(null, next)).toBe(next);
  });
});
