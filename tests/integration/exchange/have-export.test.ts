import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { haveDocument } from '../../../src/domain/edxl/have-document';
import type { Casualty } from '../../../src/domain/casualties/casualties';
import { haveReport, haveReportOf, type HaveRecords, type HaveSources } from '../../../src/domain/edxl/have-report';
import { newId } from '../../../src/domain/ids';
import type { CoverageRow } from '../../../src/domain/roster/roster-coverage';
import type { StockRow } from '../../../src/domain/resources/stock-calculations';
import { schemaDir, validateXml, writeValidated } from '../../../src/node/xml-schema';
import { makeIncidentArgs, makeTempDir, withWorkstation } from '../../fixtures/workstation';

const T0 = Date.UTC(2026, 11, 4, 8, 0);
const space = { id: 'demo-hospital', kind: 'hospital' as const, name: "Jiangbin First People's Hospital" };

function sources(overrides: Partial<HaveSources> = {}): HaveSources {
  return { space, beds: [], incidents: [], stock: [], coverage: [], at: T0, ...overrides };
}

const coverageRow = (gap: number): CoverageRow => ({ unit: 'ICU', role: 'nurse', shiftCode: 'D', phase: 'current', start: T0, end: T0 + 8 * 3_600_000, required: 4, rostered: 4 - gap, pooled: 0, gap });
const stockRow = (status: StockRow['status']): StockRow => ({ id: newId(), item: 'N95 respirator', store: 'ED store', category: 'ppe', unit: 'box', qty: 2, par: 50, yellowAt: 20, redAt: 5, holdingYellowAt: null, holdingRedAt: null, burnPerDay: 10, daysOnHand: 0.2, status, updatedAt: T0 });

const casualty = (tagNo: string, category: Casualty['triage']['category'], disposition?: NonNullable<Casualty['disposition']>['code'], incidentId = 'incident-1'): Casualty => ({
  id: newId(), space: space.id, incidentId, tagNo, sex: 'unknown', ageBand: 'adult', arrivedAt: T0, arrivalMode: 'ambulance', area: 'ED',
  triage: { system: 'START', category, at: T0, by: 'triage nurse' }, retriage: [],
  ...(disposition ? { disposition: { code: disposition, at: T0, by: 'triage nurse' } } : {}),
  identification: 'unidentified', unaccompaniedMinor: false, guardianVerified: false, familyNotified: false, registeredAt: T0, registeredBy: 'a', updatedAt: T0,
});

type Node = Record<string, unknown>;
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => ['have:BedCapacity', 'have:ResourcesInformationText'].includes(name) }).parse(xml) as Node;
const hospitalOf = (xml: string) => (parse(xml)['have:HospitalStatus'] as Node)['have:Hospital'] as Node;

describe('EDXL-HAVE 1.0 export', () => {
  it('validates against the OASIS have.xsd with beds, ED, facility and resource status filled', async () => {
    const report = haveReport(
      sources({
        location: { lat: 30.2502, lon: 120.2099 },
        beds: [
          { id: newId(), space: space.id, unit: 'ICU 1', type: 'adult_icu', staffed: 12, occupied: 9, available: 3, surge: 2, changedAt: { staffed: T0, occupied: T0, available: T0, surge: T0 }, updatedBy: 'a', updatedAt: T0 - 60_000, history: [] },
          { id: newId(), space: space.id, unit: 'ED', type: 'emergency_department', staffed: 20, occupied: 20, available: 0, surge: 0, changedAt: { staffed: T0, occupied: T0, available: T0, surge: T0 }, updatedBy: 'a', updatedAt: T0 - 120_000, history: [] },
        ],
        coverage: [coverageRow(1)],
        stock: [stockRow('red'), stockRow('green')],
      }),
    );
    const xml = haveDocument(report);
    expect(await validateXml(xml, 'have-1.0')).toEqual({ ok: true });

    const hospital = hospitalOf(xml);
    const organization = hospital['have:Organization'] as Node;
    expect(((organization['have:OrganizationInformation'] as Node)['xnl:OrganisationName'] as Node)['xnl:NameElement']).toBe(space.name);
    expect(((organization['have:OrganizationGeoLocation'] as Node)['gml:Point'] as Node)['gml:pos']).toBe('30.2502 120.2099');
    expect((hospital['have:HospitalBedCapacityStatus'] as Node)['have:BedCapacity']).toEqual([
      { 'have:BedType': 'AdultICU', 'have:Capacity': { 'have:CapacityStatus': 'Vacant/Available', 'have:AvailableCount': 3, 'have:BaselineCount': 12, 'have:AdditionalCapacityCount24Hr': 2 } },
      { 'have:BedType': 'EmergencyDepartment', 'have:Capacity': { 'have:CapacityStatus': 'NotAvailable', 'have:AvailableCount': 0, 'have:BaselineCount': 20, 'have:AdditionalCapacityCount24Hr': 0 } },
    ]);
    expect((hospital['have:EmergencyDepartmentStatus'] as Node)['have:EMSTraffic']).toMatchObject({ 'have:EMSTrafficStatus': 'Advisory' });
    expect(hospital['have:HospitalResourcesStatus']).toEqual({
      'have:Staffing': 'Insufficient',
      'have:ClinicalOperations': 'Insufficient',
      'have:ResourcesInformationText': ['Staffing below minimum: ICU nurse, 3 of 4 on duty', 'Stock critical: N95 respirator at ED store, 2 on hand'],
    });
    expect(hospital['have:LastUpdateTime']).toBe(new Date(T0 - 60_000).toISOString());
  });

  it('validates for a hospital with nothing reported yet: no bed block, facility inactive, time of export', async () => {
    const xml = haveDocument(haveReport(sources()));
    expect(await validateXml(xml, 'have-1.0')).toEqual({ ok: true });
    const hospital = hospitalOf(xml);
    expect(hospital['have:HospitalBedCapacityStatus']).toBeUndefined();
    expect(hospital['have:HospitalFacilityStatus']).toEqual({ 'have:HospitalEOCStatus': 'Inactive', 'have:HospitalEOCPlan': 'Inactive' });
    expect(hospital['have:LastUpdateTime']).toBe(new Date(T0).toISOString());
  });

  it('counts the open incidents\' casualties the hospital still has in EMSCensus by HAVE\'s four colours, and validates', async () => {
    const casualties = [
      casualty('A-1', 'immediate'),
      casualty('A-2', 'immediate', 'surgery'),
      casualty('A-3', 'expectant'),
      casualty('A-4', 'delayed', 'admitted'),
      casualty('A-5', 'minor'),
      casualty('A-6', 'minor', 'discharged'),
      casualty('A-7', 'delayed', 'transferred'),
      casualty('A-8', 'dead'),
      casualty('A-9', 'immediate', 'morgue'),
      casualty('B-1', 'immediate', undefined, 'closed-incident'),
    ];
    const incident = (id: string, status: 'active' | 'closed') => ({ id, status, updatedAt: T0 }) as unknown as HaveRecords['incident'][number];
    const empty: HaveRecords = { bedCount: [], incident: [incident('incident-1', 'active'), incident('closed-incident', 'closed')], stock: [], stockItem: [], staffingRequirement: [], rosterShift: [], shiftTemplate: [], poolEntry: [], staff: [], casualty: casualties };
    const report = haveReportOf(space, empty, T0, 'Asia/Shanghai');
    // Red: and the expectant A-3 (HAVE has no grey); the closed incident's B-1 is not counted.
    expect(report.census).toEqual({ red: 3, yellow: 1, green: 1, black: 2 });

    const xml = haveDocument(report);
    expect(await validateXml(xml, 'have-1.0')).toEqual({ ok: true });
    const ed = hospitalOf(xml)['have:EmergencyDepartmentStatus'] as Node;
    expect(ed['have:EMSTraffic']).toBeUndefined();
    expect((ed['have:EMSCensus'] as Node)['have:TriageCode']).toEqual([
      { 'have:TriageCodeValue': 'Red', 'have:TriageCountQuantity': 3 },
      { 'have:TriageCodeValue': 'Yellow', 'have:TriageCountQuantity': 1 },
      { 'have:TriageCodeValue': 'Green', 'have:TriageCountQuantity': 1 },
      { 'have:TriageCodeValue': 'Black', 'have:TriageCountQuantity': 2 },
    ]);
  });

  it('leaves EMSCensus out, as unknown, when no open incident has a casualty record', () => {
    expect(haveReport(sources()).census).toBeUndefined();
    expect(haveReport(sources({ casualties: [] })).census).toBeUndefined();
  });

  it('escapes a hospital name with markup characters and still validates', async () => {
    const xml = haveDocument(haveReport(sources({ space: { ...space, name: 'St. Mary & <Annex> "East"' } })));
    expect(await validateXml(xml, 'have-1.0')).toEqual({ ok: true });
    expect((((hospitalOf(xml)['have:Organization'] as Node)['have:OrganizationInformation'] as Node)['xnl:OrganisationName'] as Node)['xnl:NameElement']).toBe('St. Mary & <Annex> "East"');
  });

  it('refuses an invalid document with xmllint\'s message and writes no file', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const broken = readFileSync(join(schemaDir(), 'edxl-have-1.0', 'example-invalid.xml'), 'utf8');
      const out = join(dir, 'have.xml');
      const refusal = writeValidated(out, broken, 'have-1.0');
      await expect(refusal).rejects.toMatchObject({ name: 'SchemaRefusal', reason: 'invalid' });
      await expect(refusal).rejects.toThrow(/have\.xml:16: element BedType: Schemas validity error : .*'MagicBeds' is not an element of the set/);
      await expect(refusal).rejects.toThrow(/Missing child element\(s\)/);
      expect(existsSync(out)).toBe(false);

      const valid = haveDocument(haveReport(sources()));
      await writeValidated(out, valid, 'have-1.0');
      expect(readFileSync(out, 'utf8')).toBe(valid);
    } finally {
      cleanup();
    }
  });

  it('treats text that is not XML as invalid, and a missing xmllint as no validator rather than a pass', async () => {
    expect(await validateXml('not xml at all', 'have-1.0')).toMatchObject({ ok: false, reason: 'invalid' });
    const saved = process.env['XMLLINT_PATH'];
    try {
      process.env['XMLLINT_PATH'] = '/nonexistent/xmllint';
      expect(await validateXml(haveDocument(haveReport(sources())), 'have-1.0')).toMatchObject({ ok: false, reason: 'validator_unavailable' });
    } finally {
      if (saved === undefined) delete process.env['XMLLINT_PATH'];
      else process.env['XMLLINT_PATH'] = saved;
    }
  });

  it("exports this desk's beds through the workstation core as a valid HAVE 1.0 document", async () => {
    await withWorkstation(async (ws) => {
      await ws.call('mutate', { name: 'incident.declare', args: makeIncidentArgs() });
      await ws.call('mutate', { name: 'bed.update', args: { id: newId(), unit: 'ICU 1', type: 'adult_icu', staffed: 12, occupied: 9, surge: 0 } });
      const { fileName, xml } = await ws.call('exchange.haveExport', {});
      expect(fileName).toBe('edxl-have-demo-hospital.xml');
      expect(await validateXml(xml, 'have-1.0')).toEqual({ ok: true });
      const hospital = hospitalOf(xml);
      expect((hospital['have:HospitalBedCapacityStatus'] as Node)['have:BedCapacity']).toMatchObject([{ 'have:BedType': 'AdultICU', 'have:Capacity': { 'have:AvailableCount': 3 } }]);
      expect(hospital['have:HospitalFacilityStatus']).toMatchObject({ 'have:HospitalEOCStatus': 'Active' });
      expect((hospital['have:Organization'] as Node)['have:OrganizationGeoLocation']).toBeDefined();
    });
  });

  it("refuses the desk's export with xmllint's message when the schema refuses the document, and with validator_unavailable without xmllint", async () => {
    const { dir, cleanup } = makeTempDir();
    const saved = { schemas: process.env['HCC_SCHEMA_DIR'], xmllint: process.env['XMLLINT_PATH'] };
    try {
      // A stricter copy of have.xsd (LastUpdateTime must be a date, not a dateTime) stands in for a document gone wrong.
      cpSync(schemaDir(), join(dir, 'schemas'), { recursive: true });
      const have = join(dir, 'schemas', 'edxl-have-1.0', 'have.xsd');
      writeFileSync(have, readFileSync(have, 'utf8').replace('name="LastUpdateTime" type="xsd:dateTime"', 'name="LastUpdateTime" type="xsd:date"'));
      process.env['HCC_SCHEMA_DIR'] = join(dir, 'schemas');
      await withWorkstation(async (ws) => {
        const refused = await ws.handle('exchange.haveExport', {});
        expect(refused).toMatchObject({ ok: false, error: { code: 'schema_invalid' } });
        if (refused.ok) return;
        expect(refused.error.message).toMatch(/^edxl-have-demo-hospital\.xml:\d+: element LastUpdateTime: Schemas validity error : .*is not a valid value of the atomic type 'xs:date'/);
        // The screen shows the first line, cut to 200 characters; the whole message stays in the error.
        const detail = String(refused.error.params?.['detail']);
        expect(detail).toMatch(/^edxl-have-demo-hospital\.xml:\d+: element LastUpdateTime/);
        expect(detail.length).toBeLessThanOrEqual(200);

        process.env['XMLLINT_PATH'] = '/nonexistent/xmllint';
        expect(await ws.handle('exchange.haveExport', {})).toMatchObject({ ok: false, error: { code: 'validator_unavailable' } });
      });
    } finally {
      for (const [name, value] of [['HCC_SCHEMA_DIR', saved.schemas], ['XMLLINT_PATH', saved.xmllint]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      cleanup();
    }
  });
});
