import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';

export const ObjectiveTextSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(500);
export const ObjectiveStatusSchema = z.enum(['open', 'achieved', 'dropped']);

/** An incident objective of one operational period (HICS 202). */
export const ObjectiveSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  period: z.number().int().min(1),
  text: ObjectiveTextSchema,
  status: ObjectiveStatusSchema,
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
  updatedAt: StoredEpochMsSchema,
});
export type Objective = z.infer<typeof ObjectiveSchema>;

/** A period's objectives in the order they were set (UUIDv7 ids break ties between the same millisecond). */
export function objectivesOf(objectives: readonly Objective[], period: number): Objective[] {
  return objectives
    .filter((o) => o.period === period)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
