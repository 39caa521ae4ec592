// What other features may use of the board; everything else in this folder is its own.
export { TaskStatusSchema } from './tasks';
export type { Task } from './tasks';
export { TimeBandSchema } from './job-action-sheets';
export type { TimeBand } from './job-action-sheets';
