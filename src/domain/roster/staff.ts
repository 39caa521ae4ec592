import { z } from 'zod';
import { EpochMsSchema, IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';

/** The professions a hospital rosters and pools its staff by: the categories of a Chinese hospital's duty roster. */
export const ProfessionSchema = z.enum([
  'physician',
  'nurse',
  'technician',
  'pharmacist',
  'logistics',
  'security',
  'administration',
  'volunteer',
]);
export type Profession = z.infer<typeof ProfessionSchema>;
export const professions = ProfessionSchema.options;

const LabelSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(100);

/** A qualification or training record (ACLS, hazmat decontamination, PPE fit test); no expiry means it does not lapse. */
export const QualificationSchema = z.strictObject({
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9 _./-]*$/, { message: 'letters, digits, space, _ . / -' }),
  expiresAt: EpochMsSchema.optional(),
});
export type Qualification = z.infer<typeof QualificationSchema>;

/** What a person is, as the directory (and its CSV) holds it; the synced record adds id, space and time. */
export const StaffFieldsSchema = z.strictObject({
  /** The hospital's employee number: what people quote, and the key an import matches on. */
  staffNo: z.string().trim().min(1, { message: 'must not be empty' }).max(32),
  name: LabelSchema,
  department: LabelSchema,
  profession: ProfessionSchema,
  homeUnit: LabelSchema,
  qualifications: z.array(QualificationSchema).max(30).default([]),
  languages: z.array(z.string().trim().min(2).max(20)).max(10).default([]),
  phone: z.string().trim().max(40).default(''),
  email: z.string().trim().max(120).default(''),
});
export type StaffFields = z.infer<typeof StaffFieldsSchema>;

export const StaffSchema = StaffFieldsSchema.extend({
  id: IdSchema,
  space: SpaceIdSchema,
  updatedAt: StoredEpochMsSchema,
  /** HICS 253 Volunteer Registration: set when a volunteer was registered during an incident. */
  volunteer: z
    .strictObject({ incidentId: IdSchema, registeredAt: StoredEpochMsSchema, registeredBy: z.string(), skills: z.string().max(300) })
    .optional(),
  /** Set when the person has left: kept for past rosters and time sheets, offered for no new check-in or shift. */
  retiredAt: StoredEpochMsSchema.optional(),
});
export type Staff = z.infer<typeof StaffSchema>;

/** Qualifications that have lapsed at `at`, or lapse within `withinMs` (for the "expiring" warning). */
export function lapsedQualifications(staff: Pick<Staff, 'qualifications'>, at: number, withinMs = 0): Qualification[] {
  return staff.qualifications.filter((q) => q.expiresAt !== undefined && q.expiresAt <= at + withinMs);
}
