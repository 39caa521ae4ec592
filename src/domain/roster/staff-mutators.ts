import { z } from 'zod';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { withRetired } from '../retirement';
import { StaffFieldsSchema, type Staff } from './staff';

/** Someone in this space, or undefined; a record of another space is refused, never overwritten. */
export async function staffInSpace(tx: Tx, id: string, ctx: MutationContext): Promise<Staff | undefined> {
  const person = await tx.get('staff', id);
  if (person && person.space !== ctx.space) throw new DomainError('space_mismatch', `staff ${id} is in another space`);
  return person;
}

/** Staff numbers are what people quote and what imports match on, so two people never share one. */
export async function requireFreeStaffNo(tx: Tx, staffNo: string, id: string, ctx: MutationContext): Promise<void> {
  const holder = (await tx.query('staff', ctx.space, { where: { staffNo } })).find((s) => s.id !== id);
  if (holder) throw new DomainError('staff_no_taken', `staff number ${staffNo} belongs to ${holder.name}`, { staffNo, person: holder.name });
}

export const staffMutators = {
  /** Adds a person to the directory, or edits one; a volunteer record and a retirement are kept. */
  'staff.save': defineMutator(StaffFieldsSchema.extend({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const existing = await staffInSpace(tx, args.id, ctx);
    await requireFreeStaffNo(tx, args.staffNo, args.id, ctx);
    await tx.put('staff', { ...existing, ...args, space: ctx.space, updatedAt: ctx.at });
  }),

  /** Someone who has left: kept for past rosters and time sheets, offered for no new check-in or shift. */
  'staff.setRetired': defineMutator(z.strictObject({ id: IdSchema, retired: z.boolean() }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const person = await staffInSpace(tx, args.id, ctx);
    if (!person) throw new DomainError('not_found', `staff ${args.id} does not exist`, { id: args.id });
    await tx.put('staff', withRetired(person, args.retired, ctx.at));
  }),

  /**
   * A whole directory file in one mutation, so it is applied all or nothing on the workstation and on the
   * server. A row whose staff number exists already updates that person and keeps their id.
   */
  'staff.import': defineMutator(
    z.strictObject({ rows: z.array(StaffFieldsSchema.extend({ id: IdSchema })).min(1).max(1000) }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const seen = new Set<string>();
      for (const row of args.rows) {
        if (seen.has(row.staffNo)) throw new DomainError('already_exists', `staff number ${row.staffNo} appears twice`, { staffNo: row.staffNo });
        seen.add(row.staffNo);
      }
      const byNo = new Map((await tx.query('staff', ctx.space)).map((s) => [s.staffNo, s]));
      for (const row of args.rows) {
        const existing = byNo.get(row.staffNo);
        await tx.put('staff', { ...existing, ...row, id: existing?.id ?? row.id, space: ctx.space, updatedAt: ctx.at });
      }
    },
  ),

  /** HICS 253: a volunteer who turns up during an incident joins the directory and the labour pool at once. */
  'staff.registerVolunteer': defineMutator(
    z.strictObject({
      id: IdSchema,
      poolEntryId: IdSchema,
      incidentId: IdSchema,
      name: StaffFieldsSchema.shape.name,
      phone: z.string().trim().min(1).max(40),
      skills: z.string().trim().max(300).default(''),
      languages: StaffFieldsSchema.shape.languages,
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await openIncident(tx, args.incidentId, ctx);
      if (await tx.get('staff', args.id)) throw new DomainError('already_exists', `staff ${args.id} already exists`, { id: args.id });
      await tx.put('staff', {
        id: args.id,
        space: ctx.space,
        staffNo: `V-${args.id.slice(-8)}`,
        name: args.name,
        department: 'volunteer',
        profession: 'volunteer',
        homeUnit: 'labour pool',
        qualifications: [],
        languages: args.languages,
        phone: args.phone,
        email: '',
        updatedAt: ctx.at,
        volunteer: { incidentId: args.incidentId, registeredAt: ctx.at, registeredBy: ctx.actor.userId, skills: args.skills },
      });
      await tx.put('poolEntry', { id: args.poolEntryId, space: ctx.space, incidentId: args.incidentId, staffId: args.id, checkedInAt: ctx.at, assignments: [] });
    },
  ),
};
