import { z } from 'zod';
import { DomainError } from '../errors';
import { PositionIdSchema } from '../hics';
import { IdSchema } from '../ids';
import { openIncident, requirePermission } from '../mutation-guards';
import { isCheckedIn, type PoolEntry } from './labour-pool';
import { defineMutator, type MutationContext, type Tx } from '../mutation';
import { isRetired } from '../retirement';
import { StaffFieldsSchema, type Staff } from './staff';
import { requireFreeStaffNo, staffInSpace } from './staff-mutators';

export function requireInService(person: Staff): void {
  if (isRetired(person)) throw new DomainError('retired', `${person.name} is retired`, { name: person.name });
}

async function putCheckIn(tx: Tx, args: { id: string; incidentId: string }, person: Staff, ctx: MutationContext): Promise<void> {
  const here = (await tx.query('poolEntry', ctx.space, { where: { incidentId: args.incidentId, staffId: person.id } })).some(isCheckedIn);
  if (here) throw new DomainError('already_exists', `${person.name} is already checked in`, { person: person.name });
  await tx.put('poolEntry', { id: args.id, space: ctx.space, incidentId: args.incidentId, staffId: person.id, checkedInAt: ctx.at, assignments: [] });
}

async function liveEntry(tx: Tx, id: string, ctx: MutationContext): Promise<PoolEntry> {
  const entry = await tx.get('poolEntry', id);
  if (!entry || entry.space !== ctx.space) throw new DomainError('not_found', `pool entry ${id} does not exist`, { id });
  if (!isCheckedIn(entry)) throw new DomainError('invalid_transition', `pool entry ${id} is checked out`, { id });
  return entry;
}

export const labourPoolMutators = {
  'pool.checkIn': defineMutator(z.strictObject({ id: IdSchema, incidentId: IdSchema, staffId: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    await openIncident(tx, args.incidentId, ctx);
    const person = await tx.get('staff', args.staffId);
    if (!person || person.space !== ctx.space) throw new DomainError('not_found', `staff ${args.staffId} does not exist`, { id: args.staffId });
    requireInService(person);
    await putCheckIn(tx, args, person, ctx);
  }),

  /**
   * Someone who turns up and is not in the directory (agency staff, a colleague from another site): added to the
   * directory and checked in as one change, so neither half exists without the other on any desk.
   */
  'pool.checkInWalkIn': defineMutator(
    z.strictObject({
      id: IdSchema,
      incidentId: IdSchema,
      staffId: IdSchema,
      staffNo: StaffFieldsSchema.shape.staffNo,
      name: StaffFieldsSchema.shape.name,
      profession: StaffFieldsSchema.shape.profession,
      homeUnit: StaffFieldsSchema.shape.homeUnit,
    }),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      await openIncident(tx, args.incidentId, ctx);
      if (await staffInSpace(tx, args.staffId, ctx)) throw new DomainError('already_exists', `staff ${args.staffId} already exists`, { id: args.staffId });
      await requireFreeStaffNo(tx, args.staffNo, args.staffId, ctx);
      const person: Staff = {
        id: args.staffId,
        space: ctx.space,
        staffNo: args.staffNo,
        name: args.name,
        department: args.homeUnit,
        profession: args.profession,
        homeUnit: args.homeUnit,
        qualifications: [],
        languages: [],
        phone: '',
        email: '',
        updatedAt: ctx.at,
      };
      await tx.put('staff', person);
      await putCheckIn(tx, args, person, ctx);
    },
  ),

  /** Checking out releases what the person held, so the chart never shows someone who has gone home. */
  'pool.checkOut': defineMutator(z.strictObject({ id: IdSchema }), async (tx, args, ctx) => {
    requirePermission(ctx, 'incident.write');
    const entry = await liveEntry(tx, args.id, ctx);
    for (const a of entry.assignments) {
      if (a.releasedAt !== undefined || !a.assignmentId) continue;
      const hics = await tx.get('assignment', a.assignmentId);
      if (hics && hics.releasedAt === undefined) await tx.put('assignment', { ...hics, releasedAt: ctx.at, releasedBy: ctx.actor.userId });
    }
    const assignments = entry.assignments.map((a) => (a.releasedAt === undefined ? { ...a, releasedAt: ctx.at } : a));
    await tx.put('poolEntry', { ...entry, assignments, checkedOutAt: ctx.at });
  }),

  /**
   * Sends someone from the pool to a HICS position (recorded on the HICS 203 chart too) or to a task. A second
   * live assignment is allowed, as HICS allows, and the pool view flags it as double-booked.
   */
  'pool.assign': defineMutator(
    z.union([
      z.strictObject({ id: IdSchema, positionId: PositionIdSchema, assignmentId: IdSchema }),
      z.strictObject({ id: IdSchema, taskId: IdSchema }),
    ]),
    async (tx, args, ctx) => {
      requirePermission(ctx, 'incident.write');
      const entry = await liveEntry(tx, args.id, ctx);
      const incident = await openIncident(tx, entry.incidentId, ctx);
      const person = await tx.get('staff', entry.staffId);
      if (!person) throw new DomainError('not_found', `staff ${entry.staffId} does not exist`, { id: entry.staffId });
      requireInService(person);
      const base = { at: ctx.at, by: ctx.actor.userId };
      if ('taskId' in args) {
        const task = await tx.get('task', args.taskId);
        if (!task || task.space !== ctx.space) throw new DomainError('not_found', `task ${args.taskId} does not exist`, { id: args.taskId });
        await tx.put('poolEntry', { ...entry, assignments: [...entry.assignments, { ...base, taskId: args.taskId }] });
        return;
      }
      await tx.put('assignment', {
        id: args.assignmentId,
        space: ctx.space,
        incidentId: incident.id,
        period: incident.period,
        positionId: args.positionId,
        person: person.name,
        assignedAt: ctx.at,
        assignedBy: ctx.actor.userId,
      });
      await tx.put('poolEntry', { ...entry, assignments: [...entry.assignments, { ...base, positionId: args.positionId, assignmentId: args.assignmentId }] });
    },
  ),
};
