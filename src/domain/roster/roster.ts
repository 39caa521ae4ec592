import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';
import { ProfessionSchema } from './staff';

/** A ward, department or post that is rostered ("ED", "ICU", "Ward 5"): the hospital's own names. */
export const UnitSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(60);

/** A shift code as shown in the roster cell: `D12`, `N8`, or a custom one. */
export const ShiftCodeSchema = z.string().trim().min(1).max(8).regex(/^[A-Za-z0-9-]+$/, { message: 'letters, digits and -' });

/** A shift of a pattern: starts at a wall-clock minute of the day in the hospital's zone and lasts `hours`. */
export type ShiftDefinition = { code: string; pattern: '2x12' | '3x8' | 'custom'; startMinute: number; hours: number };

/** The two patterns every hospital knows; custom shifts are records (`shiftTemplate`). */
export const builtInShifts: readonly ShiftDefinition[] = [
  { code: 'D12', pattern: '2x12', startMinute: 7 * 60, hours: 12 },
  { code: 'N12', pattern: '2x12', startMinute: 19 * 60, hours: 12 },
  { code: 'E8', pattern: '3x8', startMinute: 7 * 60, hours: 8 },
  { code: 'L8', pattern: '3x8', startMinute: 15 * 60, hours: 8 },
  { code: 'N8', pattern: '3x8', startMinute: 23 * 60, hours: 8 },
];

export const ShiftTemplateSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  code: ShiftCodeSchema,
  startMinute: z.number().int().min(0).max(24 * 60 - 1),
  hours: z.number().min(1).max(24),
  updatedAt: StoredEpochMsSchema,
});
export type ShiftTemplate = z.infer<typeof ShiftTemplateSchema>;

export function shiftDefinitions(custom: readonly ShiftTemplate[]): ShiftDefinition[] {
  const taken = new Set(builtInShifts.map((s) => s.code));
  const extra = custom
    .filter((t) => !taken.has(t.code))
    .map((t): ShiftDefinition => ({ code: t.code, pattern: 'custom', startMinute: t.startMinute, hours: t.hours }));
  return [...builtInShifts, ...extra];
}

/** Why a commander rostered someone past a fatigue limit: required, it is what the audit and the roster show. */
export const OverrideReasonSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(500);

/** The fatigue limits a commander may override; an overlap (one person in two places) is never overridable. */
export const OverridableRuleSchema = z.enum(['consecutive', 'rest', 'weekly']);
export type OverridableRule = z.infer<typeof OverridableRuleSchema>;

/** A commander's decision to roster a shift that breaks fatigue rules, kept on the shift it allowed. */
export const FatigueOverrideSchema = z.object({
  reason: OverrideReasonSchema,
  rules: z.array(OverridableRuleSchema).min(1),
  by: z.string(),
  at: StoredEpochMsSchema,
});
export type FatigueOverride = z.infer<typeof FatigueOverrideSchema>;

/** One person on one shift in one unit and role: a cell of the roster. Removing it deletes the record. */
export const RosterShiftSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  staffId: IdSchema,
  unit: UnitSchema,
  role: ProfessionSchema,
  shiftCode: ShiftCodeSchema,
  start: StoredEpochMsSchema,
  end: StoredEpochMsSchema,
  assignedAt: StoredEpochMsSchema,
  assignedBy: z.string(),
  /** Present only when the shift breaks a fatigue rule a commander overrode. */
  override: FatigueOverrideSchema.optional(),
});
export type RosterShift = z.infer<typeof RosterShiftSchema>;

/** The fewest people of a role a unit needs on a shift; a roster below it has a gap. */
export const StaffingRequirementSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  unit: UnitSchema,
  role: ProfessionSchema,
  shiftCode: ShiftCodeSchema,
  min: z.number().int().min(0).max(500),
  updatedAt: StoredEpochMsSchema,
});
export type StaffingRequirement = z.infer<typeof StaffingRequirementSchema>;

/** Fatigue limits for one space, as a synced record so the server checks the same numbers the planner sees. */
export const RosterRulesFieldsSchema = z.strictObject({
  maxConsecutiveHours: z.number().min(1).max(48),
  minRestHours: z.number().min(0).max(48),
  maxWeeklyHours: z.number().min(1).max(168),
});
export type RosterRulesFields = z.infer<typeof RosterRulesFieldsSchema>;

export const RosterRulesSchema = RosterRulesFieldsSchema.extend({
  id: IdSchema,
  space: SpaceIdSchema,
  updatedAt: StoredEpochMsSchema,
  updatedBy: z.string(),
});
export type RosterRules = z.infer<typeof RosterRulesSchema>;

/** One rules record per space, under a fixed id, so two desks editing the rules converge on one record. */
export const ROSTER_RULES_ID = '00000000-0000-7000-8000-000000000001';
export const defaultRosterRules: RosterRulesFields = { maxConsecutiveHours: 12, minRestHours: 10, maxWeeklyHours: 60 };
