import { SectionSchema } from '../../../domain/hics';
import type { Task } from '../../../domain/board/tasks';

/**
 * The tasks a commander must decide about before demobilising or closing: every one not done, by HICS section
 * (command first) and then by title, so the list reads the same on every desk.
 */
export function tasksNotDone(tasks: readonly Task[]): Task[] {
  const order = (task: Task): number => SectionSchema.options.indexOf(task.section);
  return tasks.filter((task) => task.status !== 'done').sort((a, b) => order(a) - order(b) || a.title.localeCompare(b.title));
}
