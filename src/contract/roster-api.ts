import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { PoolEntrySchema } from '../domain/roster/labour-pool';
import { RosterRulesFieldsSchema, RosterShiftSchema, ShiftTemplateSchema, StaffingRequirementSchema } from '../domain/roster/roster';
import { StaffSchema } from '../domain/roster/staff';
import { ProfessionSchema } from '../domain/roster/staff';
import { EpochMsSchema } from '../domain/ids';
import { MAX_CHANGED_IDS } from './changed-ids';

const NoParams = z.strictObject({});

/** The order of `roster.plan`'s shifts: by id (code units, as the store's key orders them). */
export const byShiftId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const CoverageRowSchema = z.object({
  unit: z.string(),
  role: ProfessionSchema,
  shiftCode: z.string(),
  phase: z.enum(['current', 'next']),
  start: EpochMsSchema,
  end: EpochMsSchema,
  required: z.number().int(),
  rostered: z.number().int(),
  /** Checked in through the labour pool and not rostered on this shift: on duty too (pooledOnDuty). */
  pooled: z.number().int(),
  gap: z.number().int(),
});

/** The roster as planned between two instants: shifts starting in the range, with what is needed to judge them. */
export const RosterPlanSchema = z.object({
  /** In id order, so a reader that patches in changed shifts can keep the order a full read gives. */
  shifts: z.array(RosterShiftSchema),
  requirements: z.array(StaffingRequirementSchema),
  templates: z.array(ShiftTemplateSchema),
  rules: RosterRulesFieldsSchema,
  /** Labour pool check-ins that overlap the range, so the roster can flag shifts double-booked by incident work. */
  pool: z.array(PoolEntrySchema),
});

/**
 * The roster feature's read methods, spread into the workstation API (src/contract/api.ts). Each entry is
 * `'roster.<verb>': { params: <zod strict object>, result: <zod schema> }`.
 */
export const rosterApi = {
  'roster.staff': { params: NoParams, result: z.array(StaffSchema) },
  /** Shifts that overlap [from, to), plus a week either side implied by the caller's range for rule warnings. */
  'roster.plan': { params: z.strictObject({ from: EpochMsSchema, to: EpochMsSchema }), result: RosterPlanSchema },
  /**
   * The shifts among `ids` that `roster.plan` over the same range would hold, and as `removed` every other id
   * (deleted, refused and taken back, moved out of the range, or not a shift at all): a `changed` event naming a
   * few shifts costs a read of those, not of the whole plan.
   */
  'roster.planShifts': {
    params: z.strictObject({ from: EpochMsSchema, to: EpochMsSchema, ids: z.array(z.string().max(100)).max(MAX_CHANGED_IDS) }),
    result: z.object({ shifts: z.array(RosterShiftSchema), removed: z.array(z.string()) }),
  },
  /** On duty against required, by unit and role, for the current and next shift: what the wall display shows. */
  'roster.coverage': { params: z.strictObject({ at: EpochMsSchema.optional() }), result: z.array(CoverageRowSchema) },
  /** The labour pool of one incident: every check-in, current and past (HICS 252 rows). */
  'roster.pool': { params: z.strictObject({ incidentId: IdSchema }), result: z.array(PoolEntrySchema) },
} as const;
