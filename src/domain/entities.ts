import type { z } from 'zod';
import { IncidentSchema } from './incident';
import { StockLevelSchema } from './stock';
import { AssignmentSchema } from './assignments';
import { ObjectiveSchema } from './objectives';
import { TaskSchema } from './tasks';
import { LogEntrySchema } from './activity-log';
import { MessageSchema } from './messages';
import { DeadlineSchema } from './reporting-deadlines';

/**
 * Every synced record kind and its schema. Storage is generic (kind, id, space, JSON), so a new feature adds a
 * line here and its mutators, never a table or a sync path.
 */
export const entitySchemas = {
  incident: IncidentSchema,
  stock: StockLevelSchema,
  assignment: AssignmentSchema,
  objective: ObjectiveSchema,
  task: TaskSchema,
  logEntry: LogEntrySchema,
  message: MessageSchema,
  deadline: DeadlineSchema,
} as const;

export type EntityKind = keyof typeof entitySchemas;
export type Entity<K extends EntityKind> = z.infer<(typeof entitySchemas)[K]>;
export const entityKinds = Object.keys(entitySchemas) as EntityKind[];

export function isEntityKind(value: string): value is EntityKind {
  return Object.hasOwn(entitySchemas, value);
}
