// What other features may use of board; everything else in this folder is its own.
export { endOfColumn } from './task-mutators';
export { keyBetween } from './task-order';
export { AssigneeSchema, ItemIdSchema, TaskStatusSchema } from './tasks';
export type { Task } from './tasks';
