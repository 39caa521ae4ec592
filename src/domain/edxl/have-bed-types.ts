import { z } from 'zod';
import type { BedType } from '../resources';
import type { NeighbourBedType } from '../map';

/** The 14 bed types EDXL-HAVE 1.0 accepts (have.xsd, `BedType`): the only categories a 1.0 document may carry. */
export const HaveBedTypeSchema = z.enum([
  'AdultICU',
  'PediatricICU',
  'NeonatalICU',
  'EmergencyDepartment',
  'NurseryBeds',
  'MedicalSurgical',
  'RehabLongTermCare',
  'Burn',
  'Pediatrics',
  'AdultPsychiatric',
  'PediatricPsychiatric',
  'NegativeFlowIsolation',
  'OtherIsolation',
  'OperatingRooms',
]);
export type HaveBedType = z.infer<typeof HaveBedTypeSchema>;

/**
 * Our HAvBED bed types onto HAVE 1.0's (table in the README, "EDXL exchange"). HAvBED's list was HAVE's
 * source, so each of ours has one HAVE type; "psychiatric" is adult psychiatric, because HAvBED reports
 * paediatric psychiatric beds apart and we do not collect them.
 */
export const haveBedTypeOf: Record<BedType, HaveBedType> = {
  adult_icu: 'AdultICU',
  pediatric_icu: 'PediatricICU',
  medical_surgical: 'MedicalSurgical',
  burn: 'Burn',
  psychiatric: 'AdultPsychiatric',
  negative_pressure_isolation: 'NegativeFlowIsolation',
  operating_rooms: 'OperatingRooms',
  emergency_department: 'EmergencyDepartment',
};

/**
 * A neighbour's HAVE bed types onto the four the region panel shows (what decides where to send a patient).
 * The types not listed (burn, psychiatric, isolation, rehab, operating rooms) are not beds a transfer is
 * decided on by count alone, so an import leaves them out rather than inflate "general".
 */
export const neighbourBedTypeOf: Partial<Record<HaveBedType, NeighbourBedType>> = {
  EmergencyDepartment: 'emergency',
  AdultICU: 'icu',
  PediatricICU: 'icu',
  NeonatalICU: 'icu',
  MedicalSurgical: 'general',
  Pediatrics: 'paediatric',
  NurseryBeds: 'paediatric',
};
