import { z } from 'zod';
import { DomainError } from '../errors';
import { IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { defineMutator } from '../mutation';
import { StaffFieldsSchema } from './staff';

export const staffMutators = {
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
