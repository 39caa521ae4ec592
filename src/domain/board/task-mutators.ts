import { z } from 'zod';
import { DomainError } from '../errors';
import { SectionSchema } from '../hics';
import { EpochMsSchema, IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { placeInColumn } from './task-placement';
import {
  AssigneeSchema,
  ChecklistTextSchema,
  ItemIdSchema,
  TaskCommentSchema,
  TaskPrioritySchema,
  TaskStatusSchema,
  TaskTextSchema,
  TaskTitleSchema,
  type Task,
  type TaskConflict,
  type TaskStatus,
} from './tasks';
import { judgeMove, withConflict } from './task-conflicts';

export async function openTask(tx: Tx, id: string, ctx: MutationContext): Promise<Task> {
  const task = await tx.get('task', id);
  if (!task || task.space !== ctx.space) throw new DomainError('not_found', `task ${id} does not exist`, { id });
  await openIncident(tx, task.incidentId, ctx);
  return task;
}

async function requireObjective(tx: Tx, id: string, incidentId: string, ctx: MutationContext): Promise<void> {
  const objective = await tx.get('objective', id);
  if (!objective || objective.space !== ctx.space || objective.incidentId !== incidentId) {
    throw new DomainError('not_found', `objective ${id} does not exist in this incident`, { id });
  }
}

/** The order key at the end of a status column of an incident (where new cards go). */
export async function endOfColumn(tx: Tx, incidentId: string, status: TaskStatus, ctx: MutationContext, exceptId?: string): Promise<string> {
  const column = (await tx.query('task', ctx.space, { where: { incidentId, status } })).filter((t) => t.id !== exceptId);
  return placeInColumn(column);
}

const ChecklistInputSchema = z.array(z.strictObject({ id: ItemIdSchema, text: ChecklistTextSchema, done: z.boolean().default(false) })).max(100);

const TaskCreateSchema = z.strictObject({
  id: IdSchema,
  incidentId: IdSchema,
  objectiveId: IdSchema.optional(),
  title: TaskTitleSchema,
  description: TaskTextSchema.default(''),
  section: SectionSchema,
  assignee: AssigneeSchema,
  priority: TaskPrioritySchema.default('normal'),
  dueAt: EpochMsSchema.optional(),
  checklist: ChecklistInputSchema.default([]),
});

/** Only the fields given change; `null` clears an optional field. */
const TaskUpdateSchema = z.strictObject({
  id: IdSchema,
  title: TaskTitleSchema.optional(),
  description: TaskTextSchema.optional(),
  objectiveId: IdSchema.nullable().optional(),
  section: SectionSchema.optional(),
  assignee: AssigneeSchema.optional(),
  priority: TaskPrioritySchema.optional(),
  dueAt: EpochMsSchema.nullable().optional(),
});

/** `seen` and `moveId` come together from every desk since conflicts are recorded; neither from older outboxes. */
const MoveSchema = z
  .strictObject({
    id: IdSchema,
    status: TaskStatusSchema,
    afterId: IdSchema.optional(),
    beforeId: IdSchema.optional(),
    seen: TaskStatusSchema.optional(),
    moveId: IdSchema.optional(),
  })
  .refine((a) => (a.seen === undefined) === (a.moveId === undefined), { message: 'seen and moveId go together', path: ['moveId'] });

/** The task placed in `status` among the cards found there now, with who set the status and the done stamp kept true. */
async function moved(tx: Tx, task: Task, status: TaskStatus, ctx: MutationContext, near: { afterId?: string | undefined; beforeId?: string | undefined }): Promise<Task> {
  const column = (await tx.query('task', ctx.space, { where: { incidentId: task.incidentId, status } })).filter((t) => t.id !== task.id);
  const next: Task = { ...task, status, order: placeInColumn(column, near.afterId, near.beforeId), updatedAt: ctx.at };
  if (status === task.status) return next;
  next.statusBy = ctx.actor.userId;
  next.statusAt = ctx.at;
  if (status === 'done') {
    next.doneAt = ctx.at;
    next.doneBy = ctx.actor.userId;
  } else {
    delete next.doneAt;
    delete next.doneBy;
  }
  return next;
}

function requireConflict(task: Task, conflictId: string): TaskConflict {
  const conflict = task.conflicts?.find((c) => c.id === conflictId);
  if (!conflict) throw new DomainError('not_found', `conflict ${conflictId} does not exist on task ${task.id}`, { id: conflictId });
  return conflict;
}

function replaceConflict(task: Task, conflict: TaskConflict): TaskConflict[] {
  return (task.conflicts ?? []).map((c) => (c.id === conflict.id ? conflict : c));
}

export const taskMutators = {
  'task.create': defineMutator(TaskCreateSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    await openIncident(tx, args.incidentId, ctx);
    if (await tx.get('task', args.id)) throw new DomainError('already_exists', `task ${args.id} already exists`, { id: args.id });
    if (args.objectiveId !== undefined) await requireObjective(tx, args.objectiveId, args.incidentId, ctx);
    await tx.put('task', {
      ...args,
      space: ctx.space,
      status: 'todo',
      order: await endOfColumn(tx, args.incidentId, 'todo', ctx),
      comments: [],
      createdAt: ctx.at,
      createdBy: ctx.actor.userId,
      updatedAt: ctx.at,
      statusBy: ctx.actor.userId,
      statusAt: ctx.at,
    });
  }),

  /**
   * Reads the current row and writes only the fields given: two people editing different fields of one task
   * both keep their change, and the same field goes to whichever mutation the server applies last.
   */
  'task.update': defineMutator(TaskUpdateSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const task = await openTask(tx, args.id, ctx);
    const { id: _id, objectiveId, dueAt, ...fields } = args;
    const next: Task = { ...task, updatedAt: ctx.at };
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(next, { [key]: value });
    if (objectiveId === null) delete next.objectiveId;
    else if (objectiveId !== undefined) {
      await requireObjective(tx, objectiveId, task.incidentId, ctx);
      next.objectiveId = objectiveId;
    }
    if (dueAt === null) delete next.dueAt;
    else if (dueAt !== undefined) next.dueAt = dueAt;
    await tx.put('task', next);
  }),

  /**
   * Moves a card to a column, after `afterId` (the card above it) and before `beforeId` (the card below); its
   * order key is computed from the neighbours found at that moment. `seen` is the status the user saw: a move
   * made against a status that no longer holds is recorded as a conflict and the status in force is kept
   * (task-conflicts.ts has the rule for every field).
   */
  'task.move': defineMutator(MoveSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const task = await openTask(tx, args.id, ctx);
    const verdict = judgeMove(task.status, args.status, args.seen);
    if (verdict === 'moot') return;
    // Only a move with `seen` can conflict, and the schema gives `seen` and `moveId` together.
    if (verdict === 'conflict' && args.seen !== undefined && args.moveId !== undefined) {
      await tx.put('task', withConflict(task, args.moveId, args.status, args.seen, ctx));
      return;
    }
    await tx.put('task', await moved(tx, task, args.status, ctx, { afterId: args.afterId, beforeId: args.beforeId }));
  }),

  /** Dismisses a conflict notice for the one user (any role may: it changes nothing but their own mark). */
  'task.acknowledgeConflict': defineMutator(z.strictObject({ id: IdSchema, conflictId: IdSchema }), async (tx, args, ctx) => {
    const task = await openTask(tx, args.id, ctx);
    const conflict = requireConflict(task, args.conflictId);
    if (conflict.acknowledgedBy.includes(ctx.actor.userId)) return;
    const acknowledged = { ...conflict, acknowledgedBy: [...conflict.acknowledgedBy, ctx.actor.userId] };
    await tx.put('task', { ...task, conflicts: replaceConflict(task, acknowledged) });
  }),

  /**
   * Settles a conflict by choosing a status, made seeing both: an ordinary move (same rule, so a resolution that
   * is itself stale becomes a new conflict rather than winning) that also marks the conflict resolved.
   */
  'task.resolveConflict': defineMutator(
    z.strictObject({ id: IdSchema, conflictId: IdSchema, status: TaskStatusSchema, seen: TaskStatusSchema, moveId: IdSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const task = await openTask(tx, args.id, ctx);
      requireConflict(task, args.conflictId);
      // Unlike a reorder, choosing the status one saw is a decision: if the status has moved on since, it conflicts.
      if (judgeMove(task.status, args.status, args.seen) !== 'apply') {
        await tx.put('task', withConflict(task, args.moveId, args.status, args.seen, ctx));
        return;
      }
      const next = args.status === task.status ? task : await moved(tx, task, args.status, ctx, {});
      const conflicts = (next.conflicts ?? []).map((c) =>
        c.id !== args.conflictId || c.resolved ? c : {
          ...c,
          resolved: { status: args.status, by: ctx.actor.userId, at: ctx.at },
          acknowledgedBy: c.acknowledgedBy.includes(ctx.actor.userId) ? c.acknowledgedBy : [...c.acknowledgedBy, ctx.actor.userId],
        },
      );
      await tx.put('task', { ...next, conflicts });
    },
  ),

  /** Appends to the current comments, so comments written at once on two workstations are all kept. */
  'task.comment': defineMutator(
    z.strictObject({ id: IdSchema, commentId: ItemIdSchema, text: TaskCommentSchema.shape.text }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const task = await openTask(tx, args.id, ctx);
      if (task.comments.some((c) => c.id === args.commentId)) {
        throw new DomainError('already_exists', `comment ${args.commentId} already exists`, { id: args.commentId });
      }
      const comment = { id: args.commentId, at: ctx.at, by: ctx.actor.userId, text: args.text };
      await tx.put('task', { ...task, comments: [...task.comments, comment], updatedAt: ctx.at });
    },
  ),

  /** Sets (rather than flips) an item, so the same tick made on two workstations does not cancel itself out. */
  'task.checklistToggle': defineMutator(
    z.strictObject({ id: IdSchema, itemId: ItemIdSchema, done: z.boolean() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const task = await openTask(tx, args.id, ctx);
      if (!task.checklist.some((i) => i.id === args.itemId)) {
        throw new DomainError('not_found', `checklist item ${args.itemId} does not exist`, { id: args.itemId });
      }
      const checklist = task.checklist.map((i) => (i.id === args.itemId ? { ...i, done: args.done } : i));
      await tx.put('task', { ...task, checklist, updatedAt: ctx.at });
    },
  ),

  'task.checklistAdd': defineMutator(
    z.strictObject({ id: IdSchema, itemId: ItemIdSchema, text: ChecklistTextSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const task = await openTask(tx, args.id, ctx);
      if (task.checklist.some((i) => i.id === args.itemId)) {
        throw new DomainError('already_exists', `checklist item ${args.itemId} already exists`, { id: args.itemId });
      }
      if (task.checklist.length >= 100) throw new DomainError('invalid_args', 'a checklist holds at most 100 items');
      await tx.put('task', { ...task, checklist: [...task.checklist, { id: args.itemId, text: args.text, done: false }], updatedAt: ctx.at });
    },
  ),

  /** For tasks created by mistake; finished work is moved to done, not removed. */
  'task.remove': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const task = await openTask(tx, args.id, ctx);
    await tx.del('task', task.id);
  }),
};
