import { XMLBuilder } from 'fast-xml-parser';
import type { HaveReport } from './have-report';

/** EDXL-HAVE 1.0 (OASIS Standard, November 2008). Namespaces are case-sensitive: 1.0's is upper case. */
export const HAVE_NAMESPACE = 'urn:oasis:names:tc:emergency:EDXL:HAVE:1.0';
/** CIQ 3.0 name and party namespaces, which HAVE 1.0 uses for the organisation. */
export const XNL_NAMESPACE = 'urn:oasis:names:tc:ciq:xnl:3';
export const XPIL_NAMESPACE = 'urn:oasis:names:tc:ciq:xpil:3';
/** HAVE 1.0 ships its own GML 3.1.1 subset (gml-oasis.xsd) in this namespace, not GML 3.2's. */
export const GML_NAMESPACE = 'http://www.opengis.net/gml';

const iso = (ms: number) => new Date(ms).toISOString();
/** Optional elements: an absent value leaves the element out, which is how HAVE says "not reported". */
const opt = <T>(value: T | undefined): T | undefined => value;

/** One TriageCode per colour, each a value and its count: the schema's default colour list, so no list URN. */
function triageCodes(census: NonNullable<HaveReport['census']>) {
  return (['Red', 'Yellow', 'Green', 'Black'] as const).map((colour) => ({
    'have:TriageCodeValue': colour,
    'have:TriageCountQuantity': census[colour.toLowerCase() as keyof typeof census],
  }));
}

/**
 * One hospital's status as an EDXL-HAVE 1.0 `HospitalStatus` document. The element order is the schema's
 * (xsd:sequence): Organization, EmergencyDepartmentStatus, HospitalBedCapacityStatus, HospitalFacilityStatus,
 * HospitalResourcesStatus, LastUpdateTime. Validate the result (src/node/xml-schema.ts) before it leaves.
 */
export function haveDocument(report: HaveReport): string {
  const { hospital } = report;
  const hospitalNode = {
    'have:Organization': {
      'have:OrganizationInformation': {
        'xnl:OrganisationName': { 'xnl:NameElement': hospital.name },
        // The space id names the hospital to our own importers; a county system may ignore it.
        'xpil:Identifiers': { 'xpil:Identifier': { 'xpil:IdentifierElement': hospital.id } },
      },
      'have:OrganizationGeoLocation': opt(hospital.location && { 'gml:Point': { 'gml:pos': `${hospital.location.lat} ${hospital.location.lon}` } }),
    },
    'have:EmergencyDepartmentStatus': opt(
      report.emergencyDepartment || report.census
        ? {
            'have:EMSTraffic': opt(
              report.emergencyDepartment && { 'have:EMSTrafficStatus': report.emergencyDepartment.traffic, 'have:EMSTrafficReason': opt(report.emergencyDepartment.reason) },
            ),
            'have:EMSCensus': opt(report.census && { 'have:TriageCode': triageCodes(report.census) }),
          }
        : undefined,
    ),
    'have:HospitalBedCapacityStatus': opt(
      report.beds.length > 0
        ? {
            'have:BedCapacity': report.beds.map((bed) => ({
              'have:BedType': bed.type,
              'have:Capacity': {
                'have:CapacityStatus': bed.available > 0 ? 'Vacant/Available' : 'NotAvailable',
                'have:AvailableCount': bed.available,
                'have:BaselineCount': bed.baseline,
                'have:AdditionalCapacityCount24Hr': bed.additional24Hr,
              },
            })),
          }
        : undefined,
    ),
    'have:HospitalFacilityStatus': {
      'have:HospitalEOCStatus': report.facility.eocActive ? 'Active' : 'Inactive',
      'have:HospitalEOCPlan': report.facility.eocActive ? 'Active' : 'Inactive',
      'have:ClinicalStatus': opt(report.facility.clinical),
    },
    'have:HospitalResourcesStatus': {
      'have:Staffing': opt(report.resources.staffing),
      'have:ClinicalOperations': opt(report.resources.clinicalOperations),
      'have:ResourcesInformationText': report.resources.notes.length > 0 ? report.resources.notes : undefined,
    },
    'have:LastUpdateTime': iso(report.lastUpdate),
  };
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'have:HospitalStatus': {
      '@_xmlns:have': HAVE_NAMESPACE,
      '@_xmlns:xnl': XNL_NAMESPACE,
      '@_xmlns:xpil': XPIL_NAMESPACE,
      '@_xmlns:gml': GML_NAMESPACE,
      'have:Hospital': hospitalNode,
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: false }).build(doc);
}
