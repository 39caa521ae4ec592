import { z } from 'zod';
import { BackdateReasonSchema, isBackdated, LogTextSchema } from './activity-log';
import { DomainError } from '../errors';
import { PositionIdSchema } from '../hics';
import { EpochMsSchema, IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { AddressSchema, MessageTextSchema, SubjectSchema } from './messages';
import { defineMutator } from '../mutation';

export const logMutators = {
  /** The only log mutation: entries are a record, corrected by a later entry, never edited. */
  /** An entry dated well before it is typed (`isBackdated`) needs the reason it is late; the log shows both times. */
  'log.append': defineMutator(
    z.strictObject({
      id: IdSchema,
      incidentId: IdSchema,
      positionId: PositionIdSchema.optional(),
      at: EpochMsSchema.optional(),
      text: LogTextSchema,
      backdateReason: BackdateReasonSchema.optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const incident = await openIncident(tx, args.incidentId, ctx);
      if (await tx.get('logEntry', args.id)) throw new DomainError('already_exists', `log entry ${args.id} already exists`, { id: args.id });
      const at = args.at ?? ctx.at;
      const backdated = isBackdated({ at, recordedAt: ctx.at });
      if (backdated && args.backdateReason === undefined) {
        const minutes = Math.round((ctx.at - at) / 60_000);
        throw new DomainError('backdate_reason_required', `entry dated ${minutes} min before it is recorded needs a reason`, { minutes });
      }
      const { backdateReason, ...fields } = args;
      await tx.put('logEntry', {
        ...fields,
        space: ctx.space,
        period: incident.period,
        at,
        recordedAt: ctx.at,
        recordedBy: ctx.actor.userId,
        // A reason on an entry that is not late would mark it as backdated when it is not.
        ...(backdated && backdateReason !== undefined ? { backdateReason } : {}),
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
      recipientId: z.string().min(1).max(64).optional(),
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

  /**
   * The recipient confirms they have the message (the 213's receipt). Only they may: an acknowledgement by anyone
   * else would tell the sender it reached someone it did not. A second acknowledgement (their other desk) keeps the first.
   */
  'message.acknowledge': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const message = await tx.get('message', args.id);
    if (!message || message.space !== ctx.space) throw new DomainError('not_found', `message ${args.id} does not exist`, { id: args.id });
    await openIncident(tx, message.incidentId, ctx);
    if (message.recipientId !== ctx.actor.userId) throw new DomainError('not_recipient', `message ${args.id} is not addressed to ${ctx.actor.userId}`, { id: args.id });
    if (message.acknowledgedAt !== undefined) return;
    await tx.put('message', { ...message, acknowledgedAt: ctx.at, acknowledgedBy: ctx.actor.userId });
  }),
};
