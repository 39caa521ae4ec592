import { describe, expect, it } from 'vitest';
import { haveReportOf } from '../../../src/domain/edxl/have-report';
import { newId } from '../../../src/domain/ids';
import { runMutation } from '../../../src/domain/mutators';
import type { PoolEntry } from '../../../src/domain/roster/labour-pool';
import type { RosterShift, StaffingRequirement } from '../../../src/domain/roster/roster';
import { coverageAt, pooledOnDuty } from '../../../src/domain/roster/roster-coverage';
import type { Staff } from '../../../src/domain/roster/staff';
import { makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';
import { makeStaffRow } from '../../fixtures/roster';
import { makeIncidentArgs } from '../../fixtures/workstation';

const H = 3_600_000;
const D12_START = Date.UTC(2026, 10, 23, 23, 0); // 07:00 Asia/Shanghai
const NOW = D12_START + 2 * H;
const INCIDENT = newId();
const open = new Set([INCIDENT]);

type Person = Pick<Staff, 'id' | 'homeUnit' | 'profession'>;
const person = (o: Partial<Person> = {}): Person => ({ id: newId(), homeUnit: 'ED', profession: 'nurse', ...o });
const checkIn = (staffId: string, o: Partial<PoolEntry> = {}): PoolEntry => ({ id: newId(), space: 'demo-hospital', incidentId: INCIDENT, staffId, checkedInAt: NOW - H, assignments: [], ...o });
const requirement = (o: Partial<StaffingRequirement> = {}): StaffingRequirement => ({ id: newId(), space: 'demo-hospital', unit: 'ED', role: 'nurse', shiftCode: 'D12', min: 6, updatedAt: 0, ...o });
const rostered = (staffId: string, o: Partial<RosterShift> = {}): RosterShift => ({
  id: newId(), space: 'demo-hospital', staffId, unit: 'ED', role: 'nurse', shiftCode: 'D12', start: D12_START, end: D12_START + 12 * H, assignedAt: 0, assignedBy: 'u', ...o,
});

describe('labour pool people on duty', () => {
  it('counts someone checked in to an open incident, in their home unit and profession, once however many check-ins', () => {
    const [a, b, c, d, e] = [person(), person({ homeUnit: 'ICU', profession: 'physician' }), person(), person(), person()];
    const entries = [
      checkIn(a.id),
      checkIn(a.id, { incidentId: newId() }),
      checkIn(b.id, { assignments: [{ positionId: 'medical_care_branch', at: NOW, by: 'u' }] }),
      checkIn(c.id, { checkedOutAt: NOW - 1 }),
      checkIn(d.id, { checkedInAt: NOW + 1 }),
      checkIn(e.id, { incidentId: newId() }),
    ];
    const staff = [a, b, c, d, e];
    expect(pooledOnDuty(NOW, entries, staff, new Set([INCIDENT, entries[1]!.incidentId]))).toEqual([
      { staffId: a.id, unit: 'ED', role: 'nurse' },
      { staffId: b.id, unit: 'ICU', role: 'physician' },
    ]);
  });
});

describe('coverage with the labour pool', () => {
  it('counts five pool check-ins toward the current shift: on duty 6 of 6, no gap, where the roster alone said 1 of 6', () => {
    const first = person();
    const pool = [person(), person(), person(), person(), person()];
    const entries = pool.map((p) => checkIn(p.id));
    const onDuty = pooledOnDuty(NOW, entries, [first, ...pool], open);
    const [current] = coverageAt(NOW, 'Asia/Shanghai', [requirement()], [rostered(first.id)], [], onDuty);
    expect(current).toMatchObject({ phase: 'current', rostered: 1, pooled: 5, gap: 0 });
    expect(coverageAt(NOW, 'Asia/Shanghai', [requirement()], [rostered(first.id)], [])[0]).toMatchObject({ rostered: 1, pooled: 0, gap: 5 });
  });

  it('does not count a rostered person twice, another unit or role, the next shift, or a second current row of the same unit and role', () => {
    const here = person();
    const staff = [here, person({ homeUnit: 'ICU' }), person({ profession: 'physician' })];
    const pool = pooledOnDuty(NOW, staff.map((p) => checkIn(p.id)), staff, open);
    const rows = coverageAt(NOW, 'Asia/Shanghai', [requirement({ min: 2 }), requirement({ shiftCode: 'E8', min: 1 }), requirement({ shiftCode: 'N12', min: 1 })], [rostered(here.id)], [], pool);
    expect(rows.map((r) => [r.phase, r.shiftCode, r.rostered, r.pooled, r.gap])).toEqual([
      ['current', 'D12', 1, 0, 1],
      ['current', 'E8', 0, 0, 1],
      ['next', 'N12', 0, 0, 1],
    ]);
    const another = person();
    const oneIn = pooledOnDuty(NOW, [checkIn(another.id)], [another], open);
    const current = coverageAt(NOW, 'Asia/Shanghai', [requirement({ min: 2 }), requirement({ shiftCode: 'E8', min: 1 })], [rostered(here.id)], [], oneIn).filter((r) => r.phase === 'current');
    expect(current.map((r) => [r.shiftCode, r.pooled, r.gap])).toEqual([['D12', 1, 0], ['E8', 0, 1]]);
  });
});

describe('the EDXL-HAVE report with the labour pool', () => {
  it('calls staffing adequate when pool check-ins make up the minimum, and insufficient again once the incident closes', async () => {
    const tx = makeMemoryTx();
    const ctx = makeContext({ at: NOW - H });
    const incident = makeIncidentArgs();
    await runMutation(tx, 'incident.declare', incident, ctx);
    const nurses = [1, 2, 3].map((n) => makeStaffRow(n, { profession: 'nurse', homeUnit: 'ED' }));
    await runMutation(tx, 'staff.import', { rows: nurses }, ctx);
    for (const nurse of nurses) await runMutation(tx, 'pool.checkIn', { id: newId(), incidentId: incident.id, staffId: nurse.id }, ctx);
    const records = async () => ({
      bedCount: [], stock: [], stockItem: [], rosterShift: [], shiftTemplate: [], casualty: [],
      staffingRequirement: [requirement({ min: 3 })],
      incident: await tx.query('incident', 'demo-hospital'),
      poolEntry: await tx.query('poolEntry', 'demo-hospital'),
      staff: await tx.query('staff', 'demo-hospital'),
    });
    const space = { id: 'demo-hospital', kind: 'hospital' as const, name: 'Demo' };
    expect(haveReportOf(space, await records(), NOW, 'Asia/Shanghai').resources.staffing).toBe('Adequate');
    const closed = (await records()).incident.map((i) => ({ ...i, status: 'closed' as const }));
    const report = haveReportOf(space, { ...(await records()), incident: closed }, NOW, 'Asia/Shanghai');
    expect(report.resources).toMatchObject({ staffing: 'Insufficient', notes: ['Staffing below minimum: ED nurse, 0 of 3 on duty'] });
  });
});
