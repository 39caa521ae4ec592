import { describe, expect, it } from 'vitest';
import { cardKeyAction, keyboardMove, type Columns } from '../../../src/renderer/features/board/board-moves';

const cols = (todo: string[], inProgress: string[] = []): Columns => ({
  todo: todo.map((id) => ({ id })),
  in_progress: inProgress.map((id) => ({ id })),
  blocked: [],
  done: [],
});

describe('keyboard moves on the task board', () => {
  it('moves a card up between the two cards above it', () => {
    expect(keyboardMove(cols(['a', 'b', 'c']), 'c', 'up')).toEqual({ status: 'todo', afterId: 'a', beforeId: 'b' });
  });

  it('moves a card down past its neighbour, and refuses at the bottom', () => {
    expect(keyboardMove(cols(['a', 'b', 'c']), 'a', 'down')).toEqual({ status: 'todo', afterId: 'b', beforeId: 'c' });
    expect(keyboardMove(cols(['a', 'b']), 'b', 'down')).toBeNull();
    expect(keyboardMove(cols(['a', 'b']), 'a', 'up')).toBeNull();
  });

  it('takes a card to the next column at the same height, or to its end', () => {
    expect(keyboardMove(cols(['a', 'b'], ['x', 'y', 'z']), 'b', 'right')).toEqual({ status: 'in_progress', afterId: 'x', beforeId: 'y' });
    expect(keyboardMove(cols(['a', 'b', 'c'], ['x']), 'c', 'right')).toEqual({ status: 'in_progress', afterId: 'x' });
    expect(keyboardMove(cols(['a']), 'a', 'left')).toBeNull();
  });

  it('uses Shift+arrows to move and plain arrows to move focus', () => {
    expect(cardKeyAction('ArrowRight', true)).toEqual({ type: 'move', direction: 'right' });
    expect(cardKeyAction('ArrowRight', false)).toEqual({ type: 'focus', direction: 'right' });
    expect(cardKeyAction('a', false)).toEqual({ type: 'assign' });
    expect(cardKeyAction('x', false)).toBeNull();
  });

  it('gives a user who may not move tasks no keyboard move: Shift+arrows do nothing, arrows and Enter still read', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']) expect(cardKeyAction(key, true, false)).toBeNull();
    expect(cardKeyAction('ArrowRight', false, false)).toEqual({ type: 'focus', direction: 'right' });
    expect(cardKeyAction('Enter', false, false)).toEqual({ type: 'edit' });
  });
});
