import { describe, expect, it } from 'vitest';
import { haveDocument, HAVE_NAMESPACE } from '../../../src/domain/edxl/have-document';
import { matchRegionHospital, neighbourBedsOf, readHaveDocument, type HaveReading } from '../../../src/domain/edxl/have-import';
import { regionHospitals } from '../../../src/domain/edxl/site-map';

const T0 = Date.UTC(2026, 11, 4, 7, 30);
const reading = (overrides: Partial<HaveReading>): HaveReading => ({ name: '', identifier: undefined, location: undefined, available: {}, lastUpdate: T0, ...overrides });

describe("reading neighbours' EDXL-HAVE 1.0 documents", () => {
  it('reads every hospital of a document whatever prefix the sender bound to the HAVE namespace', () => {
    const xml = `<?xml version="1.0"?>
<h:HospitalStatus xmlns:h="${HAVE_NAMESPACE}" xmlns:n="urn:oasis:names:tc:ciq:xnl:3" xmlns:g="http://www.opengis.net/gml">
  <h:Hospital>
    <h:Organization><h:OrganizationInformation><n:OrganisationName><n:NameElement>江滨市儿童医院</n:NameElement></n:OrganisationName></h:OrganizationInformation>
      <h:OrganizationGeoLocation><g:Point><g:pos>30.246 120.229</g:pos></g:Point></h:OrganizationGeoLocation></h:Organization>
    <h:HospitalBedCapacityStatus>
      <h:BedCapacity><h:BedType>PediatricICU</h:BedType><h:Capacity><h:AvailableCount>2</h:AvailableCount></h:Capacity></h:BedCapacity>
      <h:BedCapacity><h:BedType>Pediatrics</h:BedType><h:Capacity><h:AvailableCount>11</h:AvailableCount></h:Capacity></h:BedCapacity>
      <h:BedCapacity><h:BedType>Burn</h:BedType><h:Capacity><h:CapacityStatus>NotAvailable</h:CapacityStatus></h:Capacity></h:BedCapacity>
    </h:HospitalBedCapacityStatus>
    <h:LastUpdateTime>2026-12-04T15:30:00+08:00</h:LastUpdateTime>
  </h:Hospital>
  <h:Hospital>
    <h:Organization><h:OrganizationInformation><n:OrganisationName><n:NameElement>Elsewhere</n:NameElement></n:OrganisationName></h:OrganizationInformation></h:Organization>
    <h:LastUpdateTime>2026-12-04T07:00:00Z</h:LastUpdateTime>
  </h:Hospital>
</h:HospitalStatus>`;
    expect(readHaveDocument(xml)).toEqual([
      { name: '江滨市儿童医院', identifier: undefined, location: { lat: 30.246, lon: 120.229 }, available: { PediatricICU: 2, Pediatrics: 11 }, lastUpdate: T0 },
      { name: 'Elsewhere', identifier: undefined, location: undefined, available: {}, lastUpdate: Date.UTC(2026, 11, 4, 7, 0) },
    ]);
  });

  it('round-trips our own export: name, identifier, location and counts', () => {
    const xml = haveDocument({
      hospital: { id: 'h-binhu', name: "Binhu District People's Hospital", location: { lat: 30.2365, lon: 120.2425 } },
      beds: [{ type: 'EmergencyDepartment', available: 4, baseline: 12, additional24Hr: 2 }],
      facility: { eocActive: true },
      resources: { notes: [] },
      lastUpdate: T0,
    });
    expect(readHaveDocument(xml)).toEqual([{ name: "Binhu District People's Hospital", identifier: 'h-binhu', location: { lat: 30.2365, lon: 120.2425 }, available: { EmergencyDepartment: 4 }, lastUpdate: T0 }]);
  });

  it('puts HAVE bed types into the region panel types and leaves out those a transfer is not decided on by count', () => {
    expect(neighbourBedsOf({ EmergencyDepartment: 3, AdultICU: 2, PediatricICU: 1, NeonatalICU: 1, MedicalSurgical: 20, Pediatrics: 5, NurseryBeds: 2, Burn: 4, OperatingRooms: 3 })).toEqual({
      emergency: 3,
      icu: 4,
      general: 20,
      paediatric: 7,
    });
  });

  it('finds the region map hospital by identifier, by Chinese or English name, or within 500 m, and no further', () => {
    const places = regionHospitals();
    expect(matchRegionHospital(reading({ identifier: 'h-second', name: 'Renamed' }), places)?.id).toBe('h-second');
    expect(matchRegionHospital(reading({ name: '江滨市中医院' }), places)?.id).toBe('h-tcm');
    expect(matchRegionHospital(reading({ name: "jiangbin children's hospital" }), places)?.id).toBe('h-children');
    // 0.003° of latitude is about 330 m; 0.006° about 670 m.
    expect(matchRegionHospital(reading({ name: 'Binhu campus B', location: { lat: 30.2395, lon: 120.2425 } }), places)?.id).toBe('h-binhu');
    expect(matchRegionHospital(reading({ name: 'Binhu campus C', location: { lat: 30.2425, lon: 120.2425 } }), places)).toBeUndefined();
  });
});
