import { z } from 'zod';
import { derivedId, IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';
import { TriageCategorySchema, TriageSystemSchema, type TriageCategory } from './triage';

/** The number on the triage tag (pre-printed), or one the desk generates: unique within an incident. */
export const TagNumberSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { message: 'must be letters, digits and dashes' });

export const SexSchema = z.enum(['female', 'male', 'unknown']);
export const AgeBandSchema = z.enum(['infant', 'child', 'adolescent', 'adult', 'older_adult', 'unknown']);
export const ArrivalModeSchema = z.enum(['ambulance', 'private_vehicle', 'walk_in', 'helicopter', 'police', 'other']);
export type Sex = z.infer<typeof SexSchema>;
export type AgeBand = z.infer<typeof AgeBandSchema>;
export type ArrivalMode = z.infer<typeof ArrivalModeSchema>;
/** HICS 254's dispositions: D discharge, A admit, S surgery, T transfer, M morgue. */
export const DispositionCodeSchema = z.enum(['discharged', 'admitted', 'surgery', 'transferred', 'morgue']);
export type DispositionCode = z.infer<typeof DispositionCodeSchema>;
export const AreaSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(100);

export const TriageRecordSchema = z.object({ system: TriageSystemSchema, category: TriageCategorySchema, at: StoredEpochMsSchema, by: z.string() });

/**
 * One casualty of an incident (kind `casualty`; HICS 254/255). Minimal personal data: the tag number and an alias
 * identify them; name and record number only where the user chooses to record them, and the wall and exports show
 * counts and tag numbers, never names. The id is derived from the incident and the tag, so the same tag entered on
 * two desks at once is one record, and the second entry is refused rather than doubled.
 */
export const CasualtySchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  tagNo: TagNumberSchema,
  alias: z.string().trim().max(100).optional(),
  /** Clothing and features, what a family would recognise: not an identity, so every desk sees it (family matching). */
  description: z.string().trim().max(500).optional(),
  sex: SexSchema,
  ageBand: AgeBandSchema,
  arrivedAt: StoredEpochMsSchema,
  arrivalMode: ArrivalModeSchema,
  area: AreaSchema,
  triage: TriageRecordSchema,
  /** Earlier triage, oldest first: re-triage never overwrites what was decided before. */
  retriage: z.array(TriageRecordSchema),
  disposition: z.object({ code: DispositionCodeSchema, at: StoredEpochMsSchema, by: z.string(), destination: z.string().trim().max(200).optional() }).optional(),
  identification: z.enum(['unidentified', 'tentative', 'confirmed']),
  name: z.string().trim().max(200).optional(),
  mrn: z.string().trim().max(50).optional(),
  unaccompaniedMinor: z.boolean(),
  guardianVerified: z.boolean(),
  familyNotified: z.boolean(),
  registeredAt: StoredEpochMsSchema,
  registeredBy: z.string(),
  updatedAt: StoredEpochMsSchema,
});
export type Casualty = z.infer<typeof CasualtySchema>;

export function casualtyId(space: string, incidentId: string, tagNo: string): string {
  return derivedId(space, 'casualty', incidentId, tagNo.trim().toUpperCase());
}

/**
 * Tag numbers a desk generates: its own prefix (from its client id, so two desks never make the same number)
 * and the next free number after the highest it finds with that prefix.
 */
export function nextTagNumbers(prefix: string, taken: readonly string[], count: number): string[] {
  const clean = prefix.replace(/[^A-Za-z0-9]/g, '').toUpperCase() || 'T';
  const pattern = new RegExp(`^${clean}-(\\d+)$`, 'i');
  let highest = 0;
  for (const tag of taken) {
    const n = Number(pattern.exec(tag)?.[1] ?? 0);
    if (n > highest) highest = n;
  }
  return Array.from({ length: count }, (_, i) => `${clean}-${highest + i + 1}`);
}

export type CasualtyCounts = {
  total: number;
  byCategory: Record<TriageCategory, number>;
  /** `in_care`: no disposition yet. */
  byDisposition: Record<DispositionCode | 'in_care', number>;
};

/** Counts by current triage category and by disposition: the board header, the wall and the reports read these. */
export function casualtyCounts(casualties: readonly Casualty[]): CasualtyCounts {
  const counts: CasualtyCounts = {
    total: casualties.length,
    byCategory: { immediate: 0, delayed: 0, minor: 0, expectant: 0, dead: 0 },
    byDisposition: { in_care: 0, discharged: 0, admitted: 0, surgery: 0, transferred: 0, morgue: 0 },
  };
  for (const c of casualties) {
    counts.byCategory[c.triage.category] += 1;
    counts.byDisposition[c.disposition?.code ?? 'in_care'] += 1;
  }
  return counts;
}
