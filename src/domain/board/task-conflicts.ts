import type { MutationContext } from '../mutation';
import type { Task, TaskConflict, TaskStatus } from './tasks';

/**
 * What happens when two people change the same task without seeing each other's change (a desk offline, or
 * two desks within one sync round). Mutators run on the desk (optimistic, replayed on every rebase) and on the
 * server (the run that counts), so every verdict here depends only on the task's state and the mutation's
 * arguments: never on a clock, and never on which desk asks.
 *
 * | field (mutation)                     | rule                                                                  |
 * |--------------------------------------|-----------------------------------------------------------------------|
 * | status (task.move)                   | the move carries the status its author saw. If the task still has     |
 * |                                      | that status, or already has the one asked for, the move applies.      |
 * |                                      | Otherwise the status in force is kept and the move is recorded as a   |
 * |                                      | conflict (both authors, both values, both times) for people to see    |
 * |                                      | and settle: a stale offline move never silently undoes "done", and    |
 * |                                      | no desk clock decides which decision is newer.                        |
 * | order within a column (task.move)    | last writer wins; a pure reorder in a column the card has since left  |
 * |                                      | does nothing (there is no decision in it to keep).                    |
 * | title, description                   | last writer wins per field: wording, not a decision; both visible.    |
 * | assignee, priority, due, section     | last writer wins per field (server order). Each is shown on the card  |
 * |                                      | at once; a contested assignee is the next candidate for this rule.    |
 * | checklist                            | items keyed by id: adds from two desks both kept; a tick sets, never  |
 * |                                      | flips, so the same tick twice does not cancel; one item: last wins.   |
 * | comments                             | appended, all kept.                                                   |
 *
 * A move without `seen` (queued by a desk before this rule shipped, or by a tool) keeps last-writer-wins.
 * A conflict is never a refusal: a refusal throws the work away, and here both decisions must be kept.
 */
export type MoveVerdict = 'apply' | 'conflict' | 'moot';

export function judgeMove(current: TaskStatus, wanted: TaskStatus, seen: TaskStatus | undefined): MoveVerdict {
  if (seen === undefined || seen === current || wanted === current) return 'apply';
  // The author only reordered a column the card has since left: nothing of theirs is overridden.
  if (seen === wanted) return 'moot';
  return 'conflict';
}

/** The status decision in force: who made it and when, as far as the task knows. */
function decisionInForce(task: Task): TaskConflict['kept'] {
  const by = task.statusBy ?? (task.status === 'done' ? task.doneBy : undefined);
  const at = task.statusAt ?? (task.status === 'done' ? task.doneAt : undefined);
  return { status: task.status, ...(by !== undefined ? { by } : {}), ...(at !== undefined ? { at } : {}) };
}

/** The task with a move that lost to the status in force recorded on it (once: a replay finds it there). */
export function withConflict(task: Task, moveId: string, wanted: TaskStatus, seen: TaskStatus, ctx: MutationContext): Task {
  const conflicts = task.conflicts ?? [];
  if (conflicts.some((c) => c.id === moveId)) return task;
  const conflict: TaskConflict = {
    id: moveId,
    field: 'status',
    kept: decisionInForce(task),
    overridden: { status: wanted, by: ctx.actor.userId, at: ctx.at, seen },
    acknowledgedBy: [],
  };
  return { ...task, conflicts: [...conflicts, conflict] };
}

/** Open: nobody has settled it yet. */
export function isOpenConflict(conflict: TaskConflict): boolean {
  return conflict.resolved === undefined;
}

/** Conflicts `userId` still has to see: open and not dismissed by them. */
export function conflictsToShow(task: Pick<Task, 'conflicts'>, userId: string | null): TaskConflict[] {
  return (task.conflicts ?? []).filter((c) => isOpenConflict(c) && (userId === null || !c.acknowledgedBy.includes(userId)));
}

/** Whether `userId` made either of the two decisions (their board lists it even when the card is out of sight). */
export function concerns(conflict: TaskConflict, userId: string | null): boolean {
  return userId !== null && (conflict.overridden.by === userId || conflict.kept.by === userId);
}
