import { z } from 'zod';
import { DomainError } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import {
  AgeBandSchema,
  ArrivalModeSchema,
  AreaSchema,
  casualtyId,
  DispositionCodeSchema,
  SexSchema,
  TagNumberSchema,
  type Casualty,
} from './casualties';
import { TriageCategorySchema, TriageSystemSchema } from './triage';

const details = {
  alias: z.string().trim().max(100),
  description: z.string().trim().max(500),
  sex: SexSchema,
  ageBand: AgeBandSchema,
  arrivalMode: ArrivalModeSchema,
  area: AreaSchema,
  name: z.string().trim().max(200),
  mrn: z.string().trim().max(50),
  identification: z.enum(['unidentified', 'tentative', 'confirmed']),
  unaccompaniedMinor: z.boolean(),
  guardianVerified: z.boolean(),
  familyNotified: z.boolean(),
};

const RegisterSchema = z.strictObject({
  incidentId: IdSchema,
  tagNo: TagNumberSchema,
  category: TriageCategorySchema,
  system: TriageSystemSchema.default('START'),
  arrivedAt: EpochMsSchema.optional(),
  sex: details.sex.default('unknown'),
  ageBand: details.ageBand.default('unknown'),
  arrivalMode: details.arrivalMode.default('ambulance'),
  area: details.area,
  alias: details.alias.optional(),
  name: details.name.optional(),
  mrn: details.mrn.optional(),
  unaccompaniedMinor: details.unaccompaniedMinor.default(false),
});

async function casualtyIn(tx: Tx, id: string, ctx: MutationContext): Promise<Casualty> {
  const casualty = await tx.get('casualty', id);
  if (!casualty || casualty.space !== ctx.space) throw new DomainError('not_found', `casualty ${id} does not exist`, { id });
  await openIncident(tx, casualty.incidentId, ctx);
  return casualty;
}

function newCasualty(args: z.infer<typeof RegisterSchema>, ctx: MutationContext): Casualty {
  const { category, system, arrivedAt, name, mrn, alias, ...rest } = args;
  return {
    ...rest,
    ...(name ? { name } : {}),
    ...(mrn ? { mrn } : {}),
    ...(alias ? { alias } : {}),
    tagNo: args.tagNo.toUpperCase(),
    id: casualtyId(ctx.space, args.incidentId, args.tagNo),
    space: ctx.space,
    arrivedAt: arrivedAt ?? ctx.at,
    triage: { system, category, at: ctx.at, by: ctx.actor.userId },
    retriage: [],
    identification: name ? 'tentative' : 'unidentified',
    guardianVerified: false,
    familyNotified: false,
    registeredAt: ctx.at,
    registeredBy: ctx.actor.userId,
    updatedAt: ctx.at,
  };
}

async function refuseTaken(tx: Tx, ids: readonly { id: string; tagNo: string }[]): Promise<void> {
  for (const { id, tagNo } of ids) {
    if (await tx.get('casualty', id)) throw new DomainError('already_exists', `tag ${tagNo} is already registered in this incident`, { tagNo });
  }
}

export const casualtyMutators = {
  /** One arrival: tag, triage colour and area are enough (three taps); the rest can follow. */
  'casualty.register': defineMutator(RegisterSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    await openIncident(tx, args.incidentId, ctx);
    const casualty = newCasualty(args, ctx);
    await refuseTaken(tx, [casualty]);
    await tx.put('casualty', casualty);
  }),

  /** "10 green arrived": one category, area and mode for many tags at once, all or nothing. */
  'casualty.registerBatch': defineMutator(
    z.strictObject({
      incidentId: IdSchema,
      tagNos: z.array(TagNumberSchema).min(1).max(200),
      category: TriageCategorySchema,
      system: TriageSystemSchema.default('START'),
      area: AreaSchema,
      arrivalMode: ArrivalModeSchema.default('ambulance'),
      arrivedAt: EpochMsSchema.optional(),
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await openIncident(tx, args.incidentId, ctx);
      const upper = args.tagNos.map((t) => t.toUpperCase());
      const twice = upper.find((t, i) => upper.indexOf(t) !== i);
      if (twice) throw new DomainError('invalid_args', `tag ${twice} is in the list twice`, { tagNo: twice });
      const { tagNos, ...shared } = args;
      const casualties = tagNos.map((tagNo) => newCasualty(RegisterSchema.parse({ ...shared, tagNo }), ctx));
      await refuseTaken(tx, casualties);
      for (const casualty of casualties) await tx.put('casualty', casualty);
    },
  ),

  /** A new triage decision; the earlier one is kept in `retriage`. */
  'casualty.retriage': defineMutator(z.strictObject({ id: IdSchema, category: TriageCategorySchema, system: TriageSystemSchema.default('START') }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const casualty = await casualtyIn(tx, args.id, ctx);
    if (casualty.triage.category === args.category && casualty.triage.system === args.system) return;
    await tx.put('casualty', {
      ...casualty,
      triage: { system: args.system, category: args.category, at: ctx.at, by: ctx.actor.userId },
      retriage: [...casualty.retriage, casualty.triage],
      updatedAt: ctx.at,
    });
  }),

  /** Details learnt later: who they are, where they are now, whether their family knows. */
  'casualty.update': defineMutator(
    z.strictObject({ id: IdSchema, ...Object.fromEntries(Object.entries(details).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof details]: z.ZodOptional<(typeof details)[K]> } }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const casualty = await casualtyIn(tx, args.id, ctx);
      const { id: _id, ...changes } = args;
      const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      await tx.put('casualty', { ...casualty, ...set, updatedAt: ctx.at });
    },
  ),

  /**
   * Where the casualty went. A transfer names the receiving hospital; an unaccompanied child is not discharged until
   * a guardian is verified (AAP/ASPR reunification guidance).
   */
  'casualty.dispose': defineMutator(
    z.strictObject({ id: IdSchema, code: DispositionCodeSchema, destination: z.string().trim().max(200).optional() }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const casualty = await casualtyIn(tx, args.id, ctx);
      if (args.code === 'transferred' && !args.destination) throw new DomainError('invalid_args', 'a transfer names the receiving hospital', { field: 'destination' });
      if (args.code === 'discharged' && casualty.unaccompaniedMinor && !casualty.guardianVerified) {
        throw new DomainError('invalid_transition', `tag ${casualty.tagNo} is an unaccompanied child: verify a guardian before discharge`, { tagNo: casualty.tagNo });
      }
      await tx.put('casualty', {
        ...casualty,
        disposition: { code: args.code, at: ctx.at, by: ctx.actor.userId, ...(args.destination ? { destination: args.destination } : {}) },
        updatedAt: ctx.at,
      });
    },
  ),
};

/** Closing refuses while casualties have no disposition: every casualty is accounted for in the record. */
export async function casualtiesInCare(tx: Tx, space: string, incidentId: string): Promise<number> {
  return (await tx.query('casualty', space, { where: { incidentId } })).filter((c) => !c.disposition).length;
}
