import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { storageKinds } from '../../fixtures/server';
import { eventually, useStationsBehindProxies, type Station } from '../../fixtures/sync';
import { makeStaffRow } from '../../fixtures/roster';
import { makeIncidentArgs } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';

describe.each(await storageKinds())('staff added and retired in the UI on two workstations through a real server on %s', (storage) => {
  const rig = useStationsBehindProxies(storage, ['incident_commander']);
  const settled = (s: Station) => eventually(s.ws, () => s.ws.store.pendingCount() === 0, 20_000);
  const person = (s: Station, staffNo: string) => s.ws.store.list('staff', SPACE).find((p) => p.staffNo === staffNo);

  it('a person added on one desk reaches the other, and a retirement made there comes back', async () => {
    const a = await rig.station();
    const b = await rig.station();
    const li = makeStaffRow(41, { name: 'Li Na', staffNo: 'N041' });
    await a.s.ws.call('mutate', { name: 'staff.save', args: li });
    await settled(a.s);
    await eventually(b.s.ws, () => person(b.s, 'N041')?.name === 'Li Na', 20_000);

    await b.s.ws.call('mutate', { name: 'staff.setRetired', args: { id: li.id, retired: true } });
    await settled(b.s);
    await eventually(a.s.ws, () => person(a.s, 'N041')?.retiredAt !== undefined, 20_000);
    const staff = await a.s.ws.call('roster.staff', {});
    expect(staff.find((p) => p.id === li.id)).toMatchObject({ name: 'Li Na', retiredAt: expect.any(Number) as number });
  });

  it('a walk-in checked in on one desk is in the other desk\'s directory and pool', async () => {
    const a = await rig.station();
    const b = await rig.station();
    const incident = makeIncidentArgs();
    await a.s.ws.call('mutate', { name: 'incident.declare', args: incident });
    await settled(a.s);
    await eventually(b.s.ws, () => b.s.ws.store.list('incident', SPACE).some((i) => i.id === incident.id), 20_000);
    const staffId = newId();
    await b.s.ws.call('mutate', { name: 'pool.checkInWalkIn', args: { id: newId(), incidentId: incident.id, staffId, staffNo: 'A-17', name: 'Zhao Lei', profession: 'nurse', homeUnit: 'ED' } });
    await settled(b.s);
    await eventually(a.s.ws, () => a.s.ws.store.list('poolEntry', SPACE).some((e) => e.staffId === staffId), 20_000);
    expect(person(a.s, 'A-17')).toMatchObject({ id: staffId, name: 'Zhao Lei', homeUnit: 'ED' });
  });

  it('two desks offline give the same staff number to two people: the server refuses the later one and says whose it is', async () => {
    const a = await rig.station();
    const b = await rig.station();
    b.net.setMode('down');
    await a.s.ws.call('mutate', { name: 'staff.save', args: makeStaffRow(51, { name: 'Wang Fang', staffNo: 'D-51' }) });
    await settled(a.s);
    const late = makeStaffRow(52, { name: 'Chen Jie', staffNo: 'D-51' });
    await b.s.ws.call('mutate', { name: 'staff.save', args: late });
    b.net.setMode('up');
    await b.s.ws.call('sync.now', {});
    await eventually(b.s.ws, () => b.s.ws.sync.status().rejected.length === 1, 20_000);
    expect(b.s.ws.sync.status().rejected[0]).toMatchObject({ name: 'staff.save', code: 'staff_no_taken' });
    await eventually(b.s.ws, () => person(b.s, 'D-51')?.name === 'Wang Fang' && !b.s.ws.store.list('staff', SPACE).some((p) => p.id === late.id), 20_000);
  });
});
