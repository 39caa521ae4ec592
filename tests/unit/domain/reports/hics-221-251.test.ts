import { describe, expect, it } from 'vitest';
import { newId } from '../../../../src/domain/ids';
import type { Assignment, Incident, LogEntry } from '../../../../src/domain/incidents';
import type { BedCount, StockItem, StockLevel } from '../../../../src/domain/resources';
import type { PoolEntry, RosterShift, Staff, StaffingRequirement } from '../../../../src/domain/roster';
import { checkoutId } from '../../../../src/domain/recovery';
import { checkOutPeople } from '../../../../src/domain/reports/hics-221';
import type { FacilityRecords } from '../../../../src/domain/reports/hics-251';
import { hicsFormDocument, type FormSources } from '../../../../src/domain/reports/hics-forms';
import { documentText } from '../../../../src/domain/reports/print-document';
import { makeStaffRow } from '../../../fixtures/roster';

const SPACE = 'demo-hospital';
const HOUR = 3_600_000;
/** 2026-11-26 16:00 in Shanghai: inside that day's D12 shift (07:00–19:00). */
const T0 = Date.UTC(2026, 10, 26, 8, 0);
const D12_START = Date.UTC(2026, 10, 25, 23, 0);

const makeIncident = (overrides: Partial<Incident> = {}): Incident => ({
  id: newId(), space: SPACE, name: 'Ring road bus crash', type: 'mass_casualty', level: 'II', location: 'Ring road', status: 'active', period: 1,
  periodHours: 12, periodStartedAt: T0 - 3 * HOUR, discoveredAt: T0 - 3 * HOUR, declaredAt: T0 - 3 * HOUR, declaredBy: 'u1', updatedAt: T0 - 3 * HOUR, ...overrides,
});
const makeStaff = (n: number, overrides: Partial<Staff> = {}): Staff => ({ ...makeStaffRow(n), space: SPACE, updatedAt: T0 - 100 * HOUR, ...overrides });
const makeAssignment = (incidentId: string, overrides: Partial<Assignment> = {}): Assignment => ({
  id: newId(), space: SPACE, incidentId, period: 1, positionId: 'ops', person: 'Chen Hua', assignedAt: T0 - 2 * HOUR, assignedBy: 'u1', ...overrides,
});
const makePool = (incidentId: string, staffId: string, overrides: Partial<PoolEntry> = {}): PoolEntry => ({
  id: newId(), space: SPACE, incidentId, staffId, checkedInAt: T0 - 2 * HOUR, assignments: [], ...overrides,
});
const makeLog = (incidentId: string, overrides: Partial<LogEntry> = {}): LogEntry => ({
  id: newId(), space: SPACE, incidentId, period: 1, at: T0 - HOUR, text: 'Ward 5 opened', recordedAt: T0 - HOUR, recordedBy: 'u1', ...overrides,
});
const makeBed = (overrides: Partial<BedCount> = {}): BedCount => {
  const changed = T0 - HOUR;
  return {
    id: newId(), space: SPACE, unit: 'ICU', type: 'adult_icu', staffed: 10, occupied: 8, available: 2, surge: 4,
    changedAt: { staffed: changed, occupied: changed, available: changed, surge: changed }, updatedBy: 'u1', updatedAt: changed, history: [], ...overrides,
  };
};
const makeItem = (overrides: Partial<StockItem> = {}): StockItem => ({ id: newId(), space: SPACE, name: 'N95 respirator', category: 'ppe', unit: 'pcs', par: 500, yellowAt: 200, redAt: 50, updatedAt: T0, ...overrides });
const makeLevel = (overrides: Partial<StockLevel> = {}): StockLevel => ({ id: newId(), space: SPACE, item: 'N95 respirator', store: 'ED store', qty: 30, updatedAt: T0, ...overrides });
const makeRequirement = (overrides: Partial<StaffingRequirement> = {}): StaffingRequirement => ({ id: newId(), space: SPACE, unit: 'ED', role: 'nurse', shiftCode: 'D12', min: 4, updatedAt: T0, ...overrides });
const makeShift = (staffId: string, overrides: Partial<RosterShift> = {}): RosterShift => ({
  id: newId(), space: SPACE, staffId, unit: 'ED', role: 'nurse', shiftCode: 'D12', start: D12_START, end: D12_START + 12 * HOUR, assignedAt: T0 - 48 * HOUR, assignedBy: 'u1', ...overrides,
});

const emptyFacility: FacilityRecords = { pool: [], staff: [], beds: [], stock: [], stockItems: [], requirements: [], shifts: [], templates: [], checkouts: [] };

function sources(incident: Incident, extra: Partial<FormSources> = {}, facility: Partial<FacilityRecords> = {}): FormSources {
  return {
    incident, objectives: [], assignments: [], messages: [], log: [], casualties: [], requests: [],
    facility: () => ({ ...emptyFacility, ...facility }), hospital: 'Jiangbin First', timeZone: 'Asia/Shanghai', exercise: false, at: T0, ...extra,
  };
}

describe('HICS 221 demobilisation check-out', () => {
  it('gives one sheet per person who held a position or checked in to the pool, matching a pool check-in to a 203 row by name', () => {
    const incident = makeIncident();
    const li = makeStaff(1, { name: 'Li Na', staffNo: 'S0001' });
    const wang = makeStaff(2, { name: 'Wang Jun' });
    const other = makeIncident();
    const people = checkOutPeople(
      incident,
      [makeAssignment(incident.id, { person: 'li na ', positionId: 'planning' }), makeAssignment(incident.id, { person: 'Chen Hua', assignedAt: T0 - 3 * HOUR }), makeAssignment(other.id, { person: 'Zhou Min' })],
      [makePool(incident.id, li.id), makePool(incident.id, wang.id, { checkedInAt: T0 - HOUR }), makePool(other.id, wang.id)],
      [li, wang],
    );
    expect(people.map((p) => [p.name, p.assignments.length, p.pool.length, p.staff?.staffNo])).toEqual([
      ['Chen Hua', 1, 0, undefined],
      ['Li Na', 1, 1, 'S0001'],
      ['Wang Jun', 0, 1, wang.staffNo],
    ]);
  });

  it('ticks a release and a pool check-out with their times, leaves what no record holds as a box, and breaks the page between people', () => {
    const incident = makeIncident();
    const li = makeStaff(1, { name: 'Li Na', department: 'Emergency', homeUnit: 'ED' });
    const s = sources(
      incident,
      {
        assignments: [
          makeAssignment(incident.id, { person: 'Li Na', positionId: 'planning', releasedAt: T0 - HOUR, releasedBy: 'u1' }),
          makeAssignment(incident.id, { person: 'Chen Hua', positionId: 'ops' }),
        ],
        log: [makeLog(incident.id, { positionId: 'ops' }), makeLog(incident.id, { positionId: 'ops' }), makeLog(incident.id)],
      },
      { pool: [makePool(incident.id, li.id, { checkedInAt: T0 - 3 * HOUR, checkedOutAt: T0 - HOUR / 2 })], staff: [li] },
    );
    const doc = hicsFormDocument('221', s, 'en');
    expect(doc.title).toBe('HICS 221 Demobilization Check-Out');
    expect(doc.blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(1);
    const text = documentText(doc);
    // Li Na: released at 15:00 Shanghai, checked out of the pool at 15:30 after 2.5 hours.
    expect(text).toMatch(/Li Na[\s\S]*Department Emergency · ED[\s\S]*Released from every command position ✓ 2026-11-26 15:00/);
    expect(text).toContain('Checked out of the labour pool ✓ 2026-11-26 15:30');
    expect(text).toContain('Time sheet hours confirmed (HICS 252) □ 2.5 h recorded');
    expect(text).toContain('Equipment returned (radio, vest, ID) □ Not recorded');
    // Chen Hua: still in post, never in the pool, two log entries under his position.
    expect(text).toMatch(/Chen Hua \(not in this desk's staff directory\)[\s\S]*Still holds: Operations Section Chief/);
    expect(text).toMatch(/Chen Hua[\s\S]*Checked out of the labour pool Not applicable/);
    expect(text).toMatch(/Chen Hua[\s\S]*2 log entries under the positions held/);
    const zh = documentText(hicsFormDocument('221', s, 'zh-CN'));
    expect(zh).toContain('HICS 221 撤离签退');
    expect(zh).toContain('已在人力池签退 ✓ 2026-11-26 15:30');
  });

  it('ticks the check-out items recorded on the Recovery tab with their times, and leaves the others as boxes', () => {
    const incident = makeIncident({ status: 'demobilising' });
    const checkout = {
      id: checkoutId(SPACE, incident.id, 'chen hua'), space: SPACE, incidentId: incident.id, person: 'chen hua', updatedAt: T0,
      items: { equipment_returned: { by: 'u2', at: T0 - HOUR }, timesheet_confirmed: { by: 'u2', at: T0 - HOUR / 2 }, wellbeing_offered: { by: 'u3', at: T0 } },
    };
    const s = sources(incident, { assignments: [makeAssignment(incident.id, { person: 'Chen Hua' })] }, { checkouts: [checkout] });
    const text = documentText(hicsFormDocument('221', s, 'en'));
    expect(text).toContain('Equipment returned (radio, vest, ID) ✓ 2026-11-26 15:00');
    expect(text).toContain('Time sheet hours confirmed (HICS 252) ✓ 2026-11-26 15:30 · No labour pool hours recorded');
    expect(text).toContain('Employee health and well-being referral offered ✓ 2026-11-26 16:00');
    expect(text).toContain('Briefed the replacement □ Not recorded');
    expect(text).toContain('Debrief attended □ Not recorded');
    expect(documentText(hicsFormDocument('221', s, 'zh-CN'))).toContain('已归还配发物品（对讲机、背心、证件） ✓ 2026-11-26 15:00');
  });

  it('says nobody is to check out when no one held a position or checked in', () => {
    expect(documentText(hicsFormDocument('221', sources(makeIncident()), 'en'))).toContain('Nobody held a command position or checked in to the labour pool');
  });

  it('marks the form EXERCISE in an exercise space', () => {
    expect(hicsFormDocument('221', sources(makeIncident(), { exercise: true }), 'en').banner).toBe('EXERCISE');
    expect(hicsFormDocument('251', sources(makeIncident(), { exercise: true }), 'zh-CN').banner).toBe('演练 EXERCISE');
  });
});

describe('HICS 251 facility system status', () => {
  it('prints beds by type, red and yellow stock, staff on duty against the minimum, and every building system as not recorded', () => {
    const incident = makeIncident();
    const nurses = [1, 2, 3, 4].map((n) => makeStaff(n, { profession: 'nurse', homeUnit: 'ED' }));
    const [a, b, pooled] = nurses;
    const s = sources(incident, {}, {
      beds: [makeBed(), makeBed({ unit: 'MICU', staffed: 6, occupied: 6, available: 0, surge: 0 }), makeBed({ type: 'emergency_department', unit: 'ED', staffed: 20, occupied: 15, available: 5, surge: 10 })],
      stockItems: [makeItem(), makeItem({ name: 'Oxygen cylinder', unit: 'cyl', par: 40, yellowAt: 20, redAt: 5 })],
      stock: [makeLevel(), makeLevel({ item: 'Oxygen cylinder', qty: 12 }), makeLevel({ item: 'Oxygen cylinder', store: 'Ward store', qty: 35 }), makeLevel({ item: 'Gauze', qty: 3 })],
      requirements: [makeRequirement()],
      shifts: [makeShift(a!.id), makeShift(b!.id)],
      staff: nurses,
      pool: [makePool(incident.id, pooled!.id), makePool(makeIncident().id, nurses[3]!.id)],
    });
    const text = documentText(hicsFormDocument('251', s, 'en'));
    expect(text).toContain('HICS 251 Facility System Status Report');
    expect(text).toContain('Adult ICU 16 14 2 4');
    expect(text).toContain('Emergency department 20 15 5 10');
    expect(text).toContain('Total 36 29 7 14');
    expect(text).not.toContain('Burn');
    expect(text).toContain('Holdings: 4; red 1, yellow 1, green 1, without thresholds 1');
    expect(text).toMatch(/Red N95 respirator ED store 30 pcs 500[\s\S]*Yellow Oxygen cylinder ED store 12 cyl 40/);
    expect(text).not.toMatch(/Ward store 35/);
    // Two rostered and one from this incident's pool against four: one short. The other incident's check-in does not count.
    expect(text).toContain('ED Nurse D12 4 2 1 1');
    expect(text).toContain('In the labour pool now 1');
    expect(text).toContain('Emergency generator Not recorded');
    expect(text).toContain('Medical gases (oxygen, vacuum) Not recorded');
    const zh = documentText(hicsFormDocument('251', s, 'zh-CN'));
    expect(zh).toContain('成人重症监护 16 14 2 4');
    expect(zh).toContain('应急发电机 未记录');
  });

  it('says not recorded where the desk holds no beds, stock or minimum staffing, rather than printing zeros', () => {
    const text = documentText(hicsFormDocument('251', sources(makeIncident()), 'en'));
    expect(text).toContain('Beds: not recorded.');
    expect(text).toContain('Supplies: not recorded.');
    expect(text).toContain('No minimum staffing is recorded');
    expect(text).not.toMatch(/Total 0/);
  });

  it('reads the people, beds and stock only for the 221 and 251', () => {
    let reads = 0;
    const s = { ...sources(makeIncident()), facility: () => { reads += 1; return emptyFacility; } };
    for (const form of ['201', '202', '203', '213', '214', '254', '257'] as const) hicsFormDocument(form, s, 'en');
    expect(reads).toBe(0);
    hicsFormDocument('251', s, 'en');
    expect(reads).toBe(1);
  });
});
