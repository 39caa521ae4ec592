import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { PoolEntrySchema } from '../domain/labour-pool';
import { RosterRulesFieldsSchema, RosterShiftSchema, ShiftTemplateSchema, StaffingRequirementSchema } from '../domain/roster';
import { StaffSchema } from '../domain/staff';
import { ProfessionSchema } from '../domain/staff';
import { EpochMsSchema } from '../domain/ids';

const NoParams = z.strictObject({});

export const CoverageRowSchema = z.object({
  unit: z.string(),
  role: ProfessionSchema,
  shiftCode: z.string(),
  phase: z.enum(['current', 'next']),
  start: EpochMsSchema,
  end: EpochMsSchema,
  required: z.number().int(),
  rostered: z.number().int(),
  gap: z.number().int(),
});

/** The roster as planned between two instants: shifts starting in the range, with what is needed to judge them. */
export const RosterPlanSchema = z.object({
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
  /** On duty against required, by unit and role, for the current and next shift: what the wall display shows. */
  'roster.coverage': { params: z.strictObject({ at: EpochMsSchema.optional() }), result: z.array(CoverageRowSchema) },
  /** The labour pool of one incident: every check-in, current and past (HICS 252 rows). */
  'roster.pool': { params: z.strictObject({ incidentId: IdSchema }), result: z.array(PoolEntrySchema) },
} as const;
