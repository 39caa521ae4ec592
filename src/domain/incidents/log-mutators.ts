import { z } from 'zod';
import { LogTextSchema } from './activity-log';
import { DomainError } from '../errors';
import { PositionIdSchema } from '../hics';
import { EpochMsSchema, IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { AddressSchema, MessageTextSchema, SubjectSchema } from './messages';
import { defineMutator } from '../mutation';

export const logMutators = {
  /** The only log mutation: entries are a record, corrected by a later entry, never edited. */
  'log.append': defineMutator(
    z.strictObject({ id: IdSchema, incidentId: IdSchema, positionId: PositionIdSchema.optional(), at: EpochMsSchema.optional(), text: LogTextSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const incident = await openIncident(tx, args.incidentId, ctx);
      if (await tx.get('logEntry', args.id)) throw new DomainError('already_exists', `log entry ${args.id} already exists`, { id: args.id });
      await tx.put('logEntry', {
        ...args,
        space: ctx.space,
        period: incident.period,
        at: args.at ?? ctx.at,
        recordedAt: ctx.at,
        recordedBy: ctx.actor.userId,
      });
    },
  ),
};

export const messageMutators = {
  'message.send': defineMutator(
    z.strictObject({
      id: IdSchema,
      incidentId: IdSchema,
      to: AddressSchema,
      from: AddressSchema,
      subject: SubjectSchema,
      message: MessageTextSchema,
      urgent: z.boolean().default(false),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const incident = await openIncident(tx, args.incidentId, ctx);
      if (await tx.get('message', args.id)) throw new DomainError('already_exists', `message ${args.id} already exists`, { id: args.id });
      await tx.put('message', { ...args, space: ctx.space, period: incident.period, sentAt: ctx.at, sentBy: ctx.actor.userId, replies: [] });
    },
  ),

  'message.reply': defineMutator(
    z.strictObject({ id: IdSchema, replyId: z.string().min(1).max(64), from: AddressSchema, text: MessageTextSchema }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const message = await tx.get('message', args.id);
      if (!message || message.space !== ctx.space) throw new DomainError('not_found', `message ${args.id} does not exist`, { id: args.id });
      await openIncident(tx, message.incidentId, ctx);
      if (message.replies.some((r) => r.id === args.replyId)) {
        throw new DomainError('already_exists', `reply ${args.replyId} already exists`, { id: args.replyId });
      }
      const reply = { id: args.replyId, from: args.from, text: args.text, at: ctx.at, by: ctx.actor.userId };
      await tx.put('message', { ...message, replies: [...message.replies, reply] });
    },
  ),
};
