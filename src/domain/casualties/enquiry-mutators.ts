import { z } from 'zod';
import { DomainError } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { AgeBandSchema, SexSchema } from './casualties';
import { EnquiryOutcomeSchema, SoughtDescriptionSchema, type Enquiry, type EnquiryEvent } from './enquiries';

const RecordSchema = z.strictObject({
  id: IdSchema,
  incidentId: IdSchema,
  ref: z.string().trim().min(1).max(30),
  enquirer: z.strictObject({
    name: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
    relationship: z.string().trim().min(1, { message: 'must not be empty' }).max(100),
    contact: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
  }),
  sought: z.strictObject({
    name: z.string().trim().max(200).optional(),
    sex: SexSchema.default('unknown'),
    ageBand: AgeBandSchema.default('unknown'),
    description: SoughtDescriptionSchema.strict().default({}),
  }),
  receivedAt: EpochMsSchema.optional(),
  notes: z.string().trim().max(2000).optional(),
});

/** Drops empty optional strings, so a blank field on the form is "not given", not "". */
function given<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** Every enquiry step handles who is who, so each needs `patient.identify` and an incident still open. */
async function enquiryIn(tx: Tx, id: string, ctx: MutationContext): Promise<Enquiry> {
  requirePermission(ctx, 'patient.identify');
  const enquiry = await tx.get('enquiry', id);
  if (!enquiry || enquiry.space !== ctx.space) throw new DomainError('not_found', `enquiry ${id} does not exist`, { id });
  await openIncident(tx, enquiry.incidentId, ctx);
  return enquiry;
}

function event(ctx: MutationContext, fields: Omit<EnquiryEvent, 'at' | 'by'>): EnquiryEvent {
  return { ...fields, at: ctx.at, by: ctx.actor.userId };
}

export const enquiryMutators = {
  /** A family asks at the desk or by phone: who asks, how to reach them, whom they seek and what they look like. */
  'enquiry.record': defineMutator(RecordSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'patient.identify');
    await openIncident(tx, args.incidentId, ctx);
    if (await tx.get('enquiry', args.id)) throw new DomainError('already_exists', `enquiry ${args.ref} is already recorded`, { ref: args.ref });
    const { receivedAt, notes, sought, ...rest } = args;
    await tx.put('enquiry', {
      ...rest,
      space: ctx.space,
      sought: { ...given({ name: sought.name }), sex: sought.sex, ageBand: sought.ageBand, description: given(sought.description) },
      receivedAt: receivedAt ?? ctx.at,
      receivedBy: ctx.actor.userId,
      status: 'open',
      history: [],
      ...given({ notes }),
      updatedAt: ctx.at,
    });
  }),

  /** Notes and the description as the family adds to them; never the status, which the steps below own. */
  'enquiry.update': defineMutator(
    z.strictObject({ id: IdSchema, notes: z.string().trim().max(2000).optional(), description: SoughtDescriptionSchema.strict().optional() }),
    async (tx, args, ctx) => {
      const enquiry = await enquiryIn(tx, args.id, ctx);
      await tx.put('enquiry', {
        ...enquiry,
        ...(args.notes !== undefined ? { notes: args.notes } : {}),
        sought: { ...enquiry.sought, description: args.description ? given({ ...enquiry.sought.description, ...args.description }) : enquiry.sought.description },
        updatedAt: ctx.at,
      });
    },
  ),

  /** A person decided this casualty is the one sought. Only an open enquiry, only a casualty of the same incident. */
  'enquiry.match': defineMutator(z.strictObject({ id: IdSchema, casualtyId: IdSchema }), async (tx, args, ctx) => {
    const enquiry = await enquiryIn(tx, args.id, ctx);
    if (enquiry.status !== 'open') throw new DomainError('invalid_transition', `enquiry ${enquiry.ref} is ${enquiry.status}: unmatch it first`, { ref: enquiry.ref, status: enquiry.status });
    const casualty = await tx.get('casualty', args.casualtyId);
    if (!casualty || casualty.space !== ctx.space || casualty.incidentId !== enquiry.incidentId) {
      throw new DomainError('not_found', `casualty ${args.casualtyId} is not in this enquiry's incident`, { id: args.casualtyId });
    }
    await tx.put('enquiry', {
      ...enquiry,
      status: 'matched',
      match: { casualtyId: casualty.id, tagNo: casualty.tagNo, at: ctx.at, by: ctx.actor.userId },
      history: [...enquiry.history, event(ctx, { type: 'matched', casualtyId: casualty.id, tagNo: casualty.tagNo })],
      updatedAt: ctx.at,
    });
  }),

  /** A match found wrong (the family saw the patient, it is not them): back to open, with the reason kept. */
  'enquiry.unmatch': defineMutator(z.strictObject({ id: IdSchema, reason: z.string().trim().min(1, { message: 'must not be empty' }).max(500) }), async (tx, args, ctx) => {
    const enquiry = await enquiryIn(tx, args.id, ctx);
    if (enquiry.status !== 'matched' || !enquiry.match) throw new DomainError('invalid_transition', `enquiry ${enquiry.ref} is not matched`, { ref: enquiry.ref, status: enquiry.status });
    const { match, ...rest } = enquiry;
    await tx.put('enquiry', {
      ...rest,
      status: 'open',
      history: [...enquiry.history, event(ctx, { type: 'unmatched', casualtyId: match.casualtyId, tagNo: match.tagNo, reason: args.reason })],
      updatedAt: ctx.at,
    });
  }),

  /**
   * The end of an enquiry. `informed` needs a match and marks that casualty's family as notified (HICS 255's
   * "family notified"); `referred` names where the family was sent; `not_found` closes an open enquiry.
   */
  'enquiry.close': defineMutator(
    z.strictObject({ id: IdSchema, outcome: EnquiryOutcomeSchema, referredTo: z.string().trim().min(1).max(200).optional() }),
    async (tx, args, ctx) => {
      const enquiry = await enquiryIn(tx, args.id, ctx);
      if (enquiry.status === 'closed') throw new DomainError('invalid_transition', `enquiry ${enquiry.ref} is already closed`, { ref: enquiry.ref, status: enquiry.status });
      if (args.outcome === 'informed' && !enquiry.match) throw new DomainError('invalid_transition', `enquiry ${enquiry.ref} has no match: match a casualty before informing the family`, { ref: enquiry.ref, status: enquiry.status });
      if (args.outcome === 'not_found' && enquiry.match) throw new DomainError('invalid_transition', `enquiry ${enquiry.ref} is matched: unmatch it before closing as not found`, { ref: enquiry.ref, status: enquiry.status });
      if (args.outcome === 'referred' && !args.referredTo) throw new DomainError('invalid_args', 'a referral names where the family was sent', { field: 'referredTo' });
      if (args.outcome === 'informed' && enquiry.match) {
        const casualty = await tx.get('casualty', enquiry.match.casualtyId);
        if (casualty) await tx.put('casualty', { ...casualty, familyNotified: true, updatedAt: ctx.at });
      }
      await tx.put('enquiry', {
        ...enquiry,
        status: 'closed',
        outcome: args.outcome,
        ...(args.referredTo ? { referredTo: args.referredTo } : {}),
        history: [...enquiry.history, event(ctx, { type: 'closed', outcome: args.outcome, ...(enquiry.match ? { casualtyId: enquiry.match.casualtyId, tagNo: enquiry.match.tagNo } : {}) })],
        updatedAt: ctx.at,
      });
    },
  ),
};
