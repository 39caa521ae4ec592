import { z } from 'zod';
import { PersonSchema } from '../incidents';
import { PositionIdSchema, SectionSchema } from '../hics';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';
import { compareByOrder } from './task-order';

export const TaskStatusSchema = z.enum(['todo', 'in_progress', 'blocked', 'done']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;
export const taskStatuses = TaskStatusSchema.options;

export const TaskPrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type TaskPriority = z.infer<typeof TaskPrioritySchema>;

/** Work goes to a HICS position (whoever holds it) or to a named person. */
export const AssigneeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('position'), positionId: PositionIdSchema }),
  z.strictObject({ kind: z.literal('person'), name: PersonSchema }),
]);
export type Assignee = z.infer<typeof AssigneeSchema>;

export const TaskTitleSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(300);
export const TaskTextSchema = z.string().trim().max(4000);
export const ChecklistTextSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(300);
/** Checklist items and comments are keyed by ids their author makes, so concurrent edits address the right one. */
export const ItemIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { message: 'must be letters, digits, - or _' });

export const ChecklistItemSchema = z.object({ id: ItemIdSchema, text: ChecklistTextSchema, done: z.boolean() });
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const TaskCommentSchema = z.object({ id: ItemIdSchema, at: StoredEpochMsSchema, by: z.string(), text: z.string().trim().min(1).max(2000) });

/** One person's status decision: which status, who, when (their desk's clock). */
export const StatusDecisionSchema = z.object({ status: TaskStatusSchema, by: z.string(), at: StoredEpochMsSchema });
export type StatusDecision = z.infer<typeof StatusDecisionSchema>;

/**
 * Two status decisions that did not see each other (task-conflicts.ts): the one in force was kept, the later
 * one, made against a status that no longer held, was recorded here instead of silently winning. It stays
 * on the task, resolved or not, so the incident's record keeps both.
 */
export const TaskConflictSchema = z.object({
  /** The overridden move's own id, so desk and server name the record alike. */
  id: IdSchema,
  field: z.literal('status'),
  /** Who set the status in force and when; unknown for a status set before this record was kept. */
  kept: z.object({ status: TaskStatusSchema, by: z.string().optional(), at: StoredEpochMsSchema.optional() }),
  /** The move that was not applied, and the status its author saw when making it. */
  overridden: StatusDecisionSchema.extend({ seen: TaskStatusSchema }),
  /** Users who have read the notice and dismissed it for themselves. */
  acknowledgedBy: z.array(z.string()),
  /** The status someone chose to settle it (an ordinary move, made seeing both). */
  resolved: StatusDecisionSchema.optional(),
});
export type TaskConflict = z.infer<typeof TaskConflictSchema>;

export const TaskSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  objectiveId: IdSchema.optional(),
  title: TaskTitleSchema,
  description: TaskTextSchema,
  section: SectionSchema,
  assignee: AssigneeSchema,
  priority: TaskPrioritySchema,
  dueAt: StoredEpochMsSchema.optional(),
  status: TaskStatusSchema,
  /** Fractional order key within its status column (task-order.ts). */
  order: z.string().min(1).max(500),
  checklist: z.array(ChecklistItemSchema),
  comments: z.array(TaskCommentSchema),
  /** Set when the task came from a Job Action Sheet item, so the sheet is not offered twice. */
  source: z.object({ positionId: z.string(), itemId: z.string(), batchId: IdSchema }).optional(),
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
  updatedAt: StoredEpochMsSchema,
  doneAt: StoredEpochMsSchema.optional(),
  doneBy: z.string().optional(),
  /** Who set the current status and when (absent on tasks last moved before conflicts were recorded). */
  statusBy: z.string().optional(),
  statusAt: StoredEpochMsSchema.optional(),
  /** Status moves that were made against a status that no longer held (absent: none). */
  conflicts: z.array(TaskConflictSchema).optional(),
});
export type Task = z.infer<typeof TaskSchema>;

/** Overdue: past its due time and not done. A task without a due time is never overdue. */
export function isOverdue(task: Pick<Task, 'dueAt' | 'status'>, now: number): boolean {
  return task.status !== 'done' && task.dueAt !== undefined && task.dueAt < now;
}

/** The board's columns: each status's tasks in card order. */
export function columns(tasks: readonly Task[]): Record<TaskStatus, Task[]> {
  const result: Record<TaskStatus, Task[]> = { todo: [], in_progress: [], blocked: [], done: [] };
  for (const task of tasks) result[task.status].push(task);
  for (const status of taskStatuses) result[status].sort(compareByOrder);
  return result;
}

export type TaskFilter = { section?: z.infer<typeof SectionSchema>; assignee?: Assignee; overdueAt?: number };

/** The board's filters (section, assignee, overdue at a given time); every given filter must match. */
export function filterTasks(tasks: readonly Task[], filter: TaskFilter): Task[] {
  return tasks.filter((t) => {
    if (filter.section !== undefined && t.section !== filter.section) return false;
    if (filter.assignee !== undefined && !sameAssignee(t.assignee, filter.assignee)) return false;
    if (filter.overdueAt !== undefined && !isOverdue(t, filter.overdueAt)) return false;
    return true;
  });
}

export function sameAssignee(a: Assignee, b: Assignee): boolean {
  if (a.kind === 'position' && b.kind === 'position') return a.positionId === b.positionId;
  if (a.kind === 'person' && b.kind === 'person') return a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
  return false;
}
