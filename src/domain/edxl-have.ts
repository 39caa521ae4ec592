import { XMLBuilder } from 'fast-xml-parser';
import { bedSummary, type BedCount, type BedType } from './beds';

export const HAVE_NAMESPACE = 'urn:oasis:names:tc:emergency:EDXL:HAVE:2.0';

/** HAvBED names as EDXL-HAVE spells its bed types (HAVE 2.0 default value list). */
export const haveBedTypes: Record<BedType, string> = {
  adult_icu: 'AdultICU',
  pediatric_icu: 'PediatricICU',
  medical_surgical: 'MedicalSurgical',
  burn: 'Burn',
  psychiatric: 'AdultPsychiatric',
  negative_pressure_isolation: 'NegativeFlowIsolation',
  operating_rooms: 'OperatingRooms',
  emergency_department: 'EmergencyDepartment',
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The facility's bed availability as an EDXL-HAVE document: Hospital > HospitalBedCapacityStatus > BedCapacity >
 * BedType + Capacity, with HAvBED bed types. Not yet schema-valid HAVE 2.0: those element names are HAVE 1.0's
 * bed-capacity block, HAVE 2.0 (CS02, 2019) restructured the document around HAVE > facility (and spells its
 * namespace in lower case), and its XSD set (HAVE, EDXL-CT, EDXL-GSF, GML 3.2, CIQ) is not available on these
 * machines to validate against. Tests check the structure written here; the 2.0 rewrite needs that schema set.
 */
export function bedsToHave(beds: readonly BedCount[], facility: { name: string; id: string }, at: number): string {
  const lines = bedSummary(beds).filter((line) => line.units > 0);
  const lastUpdate = beds.reduce((m, b) => Math.max(m, b.updatedAt), 0) || at;
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'have:HospitalStatus': {
      '@_xmlns:have': HAVE_NAMESPACE,
      'have:Hospital': {
        'have:Organization': {
          'have:OrganizationInformation': { 'have:OrganizationName': facility.name, 'have:OrganizationID': facility.id },
        },
        'have:HospitalBedCapacityStatus': {
          'have:BedCapacity': lines.map((line) => ({
            'have:BedType': haveBedTypes[line.type],
            'have:Capacity': {
              'have:CapacityStatus': line.available > 0 ? 'VacantAvailable' : 'NotAvailable',
              'have:AvailableCount': line.available,
              'have:BaselineCount': line.staffed,
              'have:AdditionalCapacityCount24Hr': line.surge,
            },
          })),
        },
        'have:LastUpdateTime': iso(lastUpdate),
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true }).build(doc);
}
