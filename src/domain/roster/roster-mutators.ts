import { z } from 'zod';
import { DomainError, type DomainErrorCode } from '../errors';
import { EpochMsSchema, IdSchema } from '../ids';
import { requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import {
  defaultRosterRules,
  OverrideReasonSchema,
  ROSTER_RULES_ID,
  RosterRulesFieldsSchema,
  ShiftCodeSchema,
  UnitSchema,
  type FatigueOverride,
  type RosterRulesFields,
  type RosterShift,
} from './roster';
import { checkShift, type RuleViolation } from './roster-rules';
import { requireInService } from './labour-pool-mutators';
import { ProfessionSchema } from './staff';

const HOUR = 3_600_000;

/** A commander's override of the fatigue rules for this one shift, with the reason the audit keeps. */
const OverrideArgsSchema = z.strictObject({ reason: OverrideReasonSchema }).optional();

const ShiftArgsSchema = z
  .strictObject({
    id: IdSchema,
    staffId: IdSchema,
    unit: UnitSchema,
    role: ProfessionSchema,
    shiftCode: ShiftCodeSchema,
    start: EpochMsSchema,
    end: EpochMsSchema,
    override: OverrideArgsSchema,
  })
  .refine((s) => s.end > s.start && s.end - s.start <= 24 * HOUR, { message: 'a shift ends after it starts, within 24 hours', path: ['end'] });
type ShiftArgs = z.infer<typeof ShiftArgsSchema>;

export async function rosterRules(tx: Tx, ctx: MutationContext): Promise<RosterRulesFields> {
  const record = await tx.get('rosterRules', ROSTER_RULES_ID);
  return record && record.space === ctx.space ? record : defaultRosterRules;
}

const violationCodes: Record<RuleViolation['rule'], DomainErrorCode> = {
  overlap: 'roster_overlap',
  consecutive: 'roster_consecutive',
  rest: 'roster_rest',
  weekly: 'roster_weekly',
};

/** The first broken rule as a refusal; the params carry the numbers and the person for the translated reason. */
function refuse(violation: RuleViolation, name: string): never {
  const { rule, ...numbers } = violation;
  throw new DomainError(violationCodes[rule], `${name}: roster rule ${rule} broken (${JSON.stringify(numbers)})`, { person: name, ...numbers });
}

/**
 * What a shift that breaks `violations` may carry: nothing when it breaks none; an override when a commander gave
 * a reason and only fatigue limits are broken; otherwise the first broken rule refuses it.
 */
function overrideFor(
  violations: readonly RuleViolation[],
  override: { reason: string } | undefined,
  name: string,
  ctx: MutationContext,
): FatigueOverride | undefined {
  const [first] = violations;
  if (!first) return undefined;
  const overlap = violations.find((v) => v.rule === 'overlap');
  if (overlap) refuse(overlap, name);
  if (!override) refuse(first, name);
  requirePermission(ctx, 'roster.override');
  const rules = violations.flatMap((v) => (v.rule === 'overlap' ? [] : [v.rule]));
  return { reason: override.reason, rules, by: ctx.actor.userId, at: ctx.at };
}

/**
 * Checks every shift against the person's shifts so far (including earlier ones in the batch) before writing
 * any, so a batch is all or nothing even on a store without transactions.
 */
async function addShifts(tx: Tx, list: readonly ShiftArgs[], ctx: MutationContext): Promise<void> {
  const rules = await rosterRules(tx, ctx);
  const all = await tx.query('rosterShift', ctx.space);
  const accepted: RosterShift[] = [];
  for (const args of list) {
    const person = await tx.get('staff', args.staffId);
    if (!person || person.space !== ctx.space) throw new DomainError('not_found', `staff ${args.staffId} does not exist`, { id: args.staffId });
    requireInService(person);
    if (await tx.get('rosterShift', args.id)) throw new DomainError('already_exists', `shift ${args.id} already exists`, { id: args.id });
    const mine = all.filter((s) => s.staffId === args.staffId);
    const override = overrideFor(checkShift(args, mine, rules), args.override, person.name, ctx);
    const { override: _asked, ...fields } = args;
    const shift: RosterShift = { ...fields, space: ctx.space, assignedAt: ctx.at, assignedBy: ctx.actor.userId, ...(override ? { override } : {}) };
    accepted.push(shift);
    all.push(shift);
  }
  for (const shift of accepted) await tx.put('rosterShift', shift);
}

// Rostering is planning work anyone on the command team may do; the server enforces the fatigue rules for all,
// and only the incident commander may override them, one shift at a time, with a reason.
export const rosterMutators = {
  'roster.assign': defineMutator(ShiftArgsSchema, async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    await addShifts(tx, [args], ctx);
  }),

  /** Several shifts at once, all or none (copying a week): one broken rule refuses the batch. */
  'roster.assignMany': defineMutator(z.strictObject({ shifts: z.array(ShiftArgsSchema).min(1).max(2000) }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    await addShifts(tx, args.shifts, ctx);
  }),

  /** Moves a shift to another person, day or shift (drag and drop), checked as if newly assigned. */
  'roster.move': defineMutator(
    z
      .strictObject({ id: IdSchema, staffId: IdSchema, shiftCode: ShiftCodeSchema, start: EpochMsSchema, end: EpochMsSchema, override: OverrideArgsSchema })
      .refine((s) => s.end > s.start && s.end - s.start <= 24 * HOUR, { message: 'a shift ends after it starts, within 24 hours', path: ['end'] }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const shift = await tx.get('rosterShift', args.id);
      if (!shift || shift.space !== ctx.space) throw new DomainError('not_found', `shift ${args.id} does not exist`, { id: args.id });
      const person = await tx.get('staff', args.staffId);
      if (!person || person.space !== ctx.space) throw new DomainError('not_found', `staff ${args.staffId} does not exist`, { id: args.staffId });
      const others = (await tx.query('rosterShift', ctx.space, { where: { staffId: args.staffId } })).filter((s) => s.id !== args.id);
      const override = overrideFor(checkShift(args, others, await rosterRules(tx, ctx)), args.override, person.name, ctx);
      // A moved shift is judged afresh: an override given for its old place does not carry to the new one.
      const { override: _asked, ...fields } = args;
      const { override: _old, ...kept } = shift;
      await tx.put('rosterShift', { ...kept, ...fields, assignedAt: ctx.at, assignedBy: ctx.actor.userId, ...(override ? { override } : {}) });
    },
  ),

  'roster.unassign': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const shift = await tx.get('rosterShift', args.id);
    if (!shift || shift.space !== ctx.space) throw new DomainError('not_found', `shift ${args.id} does not exist`, { id: args.id });
    await tx.del('rosterShift', args.id);
  }),

  /** Sets the minimum for a unit, role and shift; one record per combination, whoever sets it first names it. */
  'roster.setRequirement': defineMutator(
    z.strictObject({ id: IdSchema, unit: UnitSchema, role: ProfessionSchema, shiftCode: ShiftCodeSchema, min: z.number().int().min(0).max(500) }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      // Two desks may each have named the combination; the lowest id is the one both keep updating.
      const [existing] = await tx.query('staffingRequirement', ctx.space, { where: { unit: args.unit, role: args.role, shiftCode: args.shiftCode } });
      await tx.put('staffingRequirement', { ...args, id: existing?.id ?? args.id, space: ctx.space, updatedAt: ctx.at });
    },
  ),

  'roster.defineShift': defineMutator(
    z.strictObject({ id: IdSchema, code: ShiftCodeSchema, startMinute: z.number().int().min(0).max(1439), hours: z.number().min(1).max(24) }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const [existing] = await tx.query('shiftTemplate', ctx.space, { where: { code: args.code } });
      await tx.put('shiftTemplate', { ...args, id: existing?.id ?? args.id, space: ctx.space, updatedAt: ctx.at });
    },
  ),

  /** Fatigue limits are a command decision (they may be relaxed in a surge), so they need command permission. */
  'roster.setRules': defineMutator(RosterRulesFieldsSchema.partial(), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.command');
    const current = await rosterRules(tx, ctx);
    const defined = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
    await tx.put('rosterRules', { ...current, ...defined, id: ROSTER_RULES_ID, space: ctx.space, updatedAt: ctx.at, updatedBy: ctx.actor.userId });
  }),
};
