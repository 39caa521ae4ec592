import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { storageKinds } from '../../fixtures/server';
import { eventually, useStationsBehindProxies, type Station } from '../../fixtures/sync';
import { makeStaffRow } from '../../fixtures/roster';
import { makeIncidentArgs } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';
const H = 3_600_000;
const DAY1_0700 = Date.UTC(2026, 10, 23, 23, 0); // 07:00 in Asia/Shanghai

describe.each(await storageKinds())('the roster on two workstations through a real server on %s', (storage) => {
  const rig = useStationsBehindProxies(storage, ['incident_commander']);
  const station = () => rig.station();
  const settled = (s: Station) => eventually(s.ws, () => s.ws.store.pendingCount() === 0, 20_000);
  const shift = (staffId: string, fromH: number, hours: number, shiftCode: string) => ({
    id: newId(), staffId, unit: 'ICU', role: 'nurse' as const, shiftCode, start: DAY1_0700 + fromH * H, end: DAY1_0700 + (fromH + hours) * H,
  });

  it('refuses on the server a shift rostered offline that breaks the rest rule with another desk\'s shift, and says why', async () => {
    const a = await station();
    const b = await station();
    const nurse = makeStaffRow(7, { profession: 'nurse', name: 'Li Na' });
    await a.s.ws.call('mutate', { name: 'staff.import', args: { rows: [nurse] } });
    await settled(a.s);
    await eventually(b.s.ws, () => b.s.ws.store.list('staff', SPACE).length === 1, 20_000);

    b.net.setMode('down');
    const night = shift(nurse.id, 16, 8, 'N8');
    await b.s.ws.call('mutate', { name: 'roster.assign', args: night });
    expect(b.s.ws.store.list('rosterShift', SPACE).map((s) => s.id)).toEqual([night.id]);
    await a.s.ws.call('mutate', { name: 'roster.assign', args: shift(nurse.id, 0, 12, 'D12') });
    await settled(a.s);

    b.net.setMode('up');
    await b.s.ws.call('sync.now', {});
    await eventually(b.s.ws, () => b.s.ws.sync.status().rejected.length === 1, 20_000);
    const [rejected] = b.s.ws.sync.status().rejected;
    expect(rejected).toMatchObject({ name: 'roster.assign', code: 'roster_rest' });
    expect(rejected?.message).toContain('Li Na');
    // The refusal is recorded from the push's answer; the pull right after takes the refused shift back.
    await eventually(b.s.ws, () => b.s.ws.store.list('rosterShift', SPACE).map((s) => s.shiftCode).join() === 'D12', 20_000);
  });

  it('serves coverage against the minimum for the current and next shift', async () => {
    const a = await station();
    await eventually(a.s.ws, () => a.s.ws.store.list('staff', SPACE).length >= 1, 20_000);
    await a.s.ws.call('mutate', { name: 'roster.setRequirement', args: { id: newId(), unit: 'ICU', role: 'nurse', shiftCode: 'D12', min: 2 } });
    const coverage = await a.s.ws.call('roster.coverage', { at: DAY1_0700 + 2 * H });
    expect(coverage.find((r) => r.phase === 'current')).toMatchObject({ unit: 'ICU', shiftCode: 'D12', required: 2, rostered: 1, gap: 1 });
  });

  it('checks people into the labour pool and assigns them to a HICS position on the chart', async () => {
    const a = await station();
    await eventually(a.s.ws, () => a.s.ws.store.list('staff', SPACE).length >= 1, 20_000);
    const incident = makeIncidentArgs();
    await a.s.ws.call('mutate', { name: 'incident.declare', args: incident });
    const staffId = a.s.ws.store.list('staff', SPACE)[0]?.id ?? '';
    const entryId = newId();
    await a.s.ws.call('mutate', { name: 'pool.checkIn', args: { id: entryId, incidentId: incident.id, staffId } });
    await a.s.ws.call('mutate', { name: 'pool.assign', args: { id: entryId, positionId: 'ops.medical-care.casualty-care', assignmentId: newId() } });
    await settled(a.s);
    const pool = await a.s.ws.call('roster.pool', { incidentId: incident.id });
    expect(pool[0]?.assignments.map((x) => x.positionId)).toEqual(['ops.medical-care.casualty-care']);
    const board = await a.s.ws.call('board.get', { incidentId: incident.id });
    expect(board.assignments.map((x) => [x.person, x.positionId])).toEqual([['Li Na', 'ops.medical-care.casualty-care']]);
  });
});
