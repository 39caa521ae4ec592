import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';

export const AddressSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);
export const SubjectSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(200);
export const MessageTextSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(4000);

export const MessageReplySchema = z.object({
  id: z.string().min(1).max(64),
  from: AddressSchema,
  text: MessageTextSchema,
  at: StoredEpochMsSchema,
  by: z.string(),
});

/**
 * A general message (HICS 213): to, from (name and position, as on the paper form), subject, message, reply.
 * The paper form has one reply box; replies are a list here so two people answering at once both keep theirs.
 */
export const MessageSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  period: z.number().int().min(1),
  to: AddressSchema,
  from: AddressSchema,
  subject: SubjectSchema,
  message: MessageTextSchema,
  urgent: z.boolean(),
  sentAt: StoredEpochMsSchema,
  sentBy: z.string(),
  replies: z.array(MessageReplySchema),
  /** The account that must acknowledge the message on their desk (a directory user id); none for a note to file. */
  recipientId: z.string().min(1).max(64).optional(),
  acknowledgedAt: StoredEpochMsSchema.optional(),
  acknowledgedBy: z.string().optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/** Messages for `userId` they have not acknowledged yet, oldest first: their desk's inbox. */
export function awaitingAcknowledgement(messages: readonly Message[], userId: string | null): Message[] {
  if (userId === null) return [];
  return messages.filter((m) => m.recipientId === userId && m.acknowledgedAt === undefined).sort((a, b) => a.sentAt - b.sentAt);
}
