import { z } from 'zod';
import { LogEntrySchema } from '../domain/incidents/activity-log';
import { AssignmentSchema } from '../domain/incidents/assignments';
import { IncidentSchema } from '../domain/incidents/incident';
import { MessageSchema } from '../domain/incidents/messages';
import { ObjectiveSchema } from '../domain/incidents/objectives';
import { DeadlineSchema } from '../domain/incidents/reporting-deadlines';
import { TaskSchema } from '../domain/board/tasks';

/**
 * One incident's board in one answer: the rows of every board kind for that incident. Derived views (columns,
 * vacancies, clocks, timeline) are the domain's pure functions, so the renderer computes them from this.
 */
export const BoardSchema = z.object({
  incident: IncidentSchema,
  assignments: z.array(AssignmentSchema),
  objectives: z.array(ObjectiveSchema),
  tasks: z.array(TaskSchema),
  logEntries: z.array(LogEntrySchema),
  messages: z.array(MessageSchema),
  deadlines: z.array(DeadlineSchema),
  /**
   * When the server received the last change of each log entry and message (by id; absent: not yet, or not known),
   * so the board can show it beside the desk's time where the two disagree (domain/received-time.ts).
   */
  received: z.record(z.string(), z.number().int()).optional(),
});
export type Board = z.infer<typeof BoardSchema>;
