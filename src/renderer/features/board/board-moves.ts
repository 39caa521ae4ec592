import { taskStatuses, type TaskStatus } from '../../../domain/board/tasks';

type Card = { id: string };
export type Columns = Record<TaskStatus, readonly Card[]>;
export type Placement = { status: TaskStatus; afterId?: string; beforeId?: string };
export type MoveDirection = 'up' | 'down' | 'left' | 'right';

/** Neighbours for a card put at `index` of `column` (the column without the card itself). */
export function placementAt(status: TaskStatus, column: readonly Card[], index: number): Placement {
  const at = Math.max(0, Math.min(index, column.length));
  const after = column[at - 1];
  const before = column[at];
  return { status, ...(after ? { afterId: after.id } : {}), ...(before ? { beforeId: before.id } : {}) };
}

/**
 * Where a keyboard move takes a card: up/down swap it with its neighbour, left/right take it to the adjacent
 * column at the same height (or its end). Null when the card is already at that edge.
 */
export function keyboardMove(columns: Columns, id: string, direction: MoveDirection): Placement | null {
  const from = taskStatuses.find((s) => columns[s].some((c) => c.id === id));
  if (!from) return null;
  const column = columns[from];
  const index = column.findIndex((c) => c.id === id);
  const rest = column.filter((c) => c.id !== id);
  if (direction === 'up') return index === 0 ? null : placementAt(from, rest, index - 1);
  if (direction === 'down') return index >= column.length - 1 ? null : placementAt(from, rest, index + 1);
  const next = taskStatuses[taskStatuses.indexOf(from) + (direction === 'left' ? -1 : 1)];
  if (!next) return null;
  return placementAt(next, columns[next].filter((c) => c.id !== id), index);
}

/** What a key pressed on a focused card does; plain arrows stay for moving focus. */
export type CardKeyAction = { type: 'move'; direction: MoveDirection } | { type: 'focus'; direction: MoveDirection } | { type: 'edit' } | { type: 'assign' } | null;

/**
 * `mayMove` false (a viewer, a closed incident): Shift+arrow does nothing, so the keyboard cannot make the move the
 * disabled drag refuses; the plain arrows still walk the cards and Enter still opens one to read.
 */
export function cardKeyAction(key: string, shift: boolean, mayMove = true): CardKeyAction {
  const arrows: Record<string, MoveDirection> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
  const direction = arrows[key];
  if (direction && shift && !mayMove) return null;
  if (direction) return { type: shift ? 'move' : 'focus', direction };
  if (key === 'Enter' || key === 'e') return { type: 'edit' };
  if (key === 'a') return { type: 'assign' };
  return null;
}
