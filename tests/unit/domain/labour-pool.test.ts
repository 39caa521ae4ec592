import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { doubleBooked, timesheet, wellbeing } from '../../../src/domain/roster/labour-pool';
import { runMutation } from '../../../src/domain/mutators';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';
import { makeStaffRow } from '../../fixtures/roster';
import { makeIncidentArgs } from '../../fixtures/workstation';

const H = 3_600_000;
const T0 = makeContext().at;
const SPACE = 'demo-hospital';

async function pool() {
  const tx = makeMemoryTx();
  const incident = makeIncidentArgs();
  await runMutation(tx, 'incident.declare', incident, makeContext());
  const nurse = makeStaffRow(1, { name: 'Li Na' });
  await runMutation(tx, 'staff.import', { rows: [nurse] }, makeContext());
  const at = (hours: number) => makeContext({ at: T0 + hours * H, actor: makeActor('logistics_chief') });
  const entryId = newId();
  await runMutation(tx, 'pool.checkIn', { id: entryId, incidentId: incident.id, staffId: nurse.id }, at(0));
  return { tx, incident, nurse, entryId, at };
}

describe('labour pool', () => {
  it('refuses a second check-in of someone already here', async () => {
    const { tx, incident, nurse, at } = await pool();
    await expect(runMutation(tx, 'pool.checkIn', { id: newId(), incidentId: incident.id, staffId: nurse.id }, at(1))).rejects.toMatchObject({ code: 'already_exists' });
  });

  it('puts a pool assignment to a HICS position on the chart and flags a second one as double-booked', async () => {
    const { tx, entryId, at } = await pool();
    await runMutation(tx, 'pool.assign', { id: entryId, positionId: 'ops.medical-care.casualty-care', assignmentId: newId() }, at(1));
    let entries = await tx.query('poolEntry', SPACE);
    expect(doubleBooked(entries).size).toBe(0);
    await runMutation(tx, 'pool.assign', { id: entryId, positionId: 'logistics.support.supply', assignmentId: newId() }, at(2));
    entries = await tx.query('poolEntry', SPACE);
    expect([...doubleBooked(entries)]).toEqual([entries[0]?.staffId]);
    expect((await tx.query('assignment', SPACE)).map((a) => [a.person, a.positionId])).toEqual([
      ['Li Na', 'ops.medical-care.casualty-care'],
      ['Li Na', 'logistics.support.supply'],
    ]);
  });

  it('releases what a person held when they check out, and counts their hours for the time sheet', async () => {
    const { tx, entryId, at } = await pool();
    await runMutation(tx, 'pool.assign', { id: entryId, positionId: 'ops.medical-care.casualty-care', assignmentId: newId() }, at(1));
    await runMutation(tx, 'pool.checkOut', { id: entryId }, at(9.5));
    const [assignment] = await tx.query('assignment', SPACE);
    expect(assignment?.releasedAt).toBe(T0 + 9.5 * H);
    const entries = await tx.query('poolEntry', SPACE);
    expect([...timesheet(entries, T0 + 20 * H).values()]).toEqual([9.5]);
    expect(doubleBooked(entries).size).toBe(0);
  });

  it('tells the section chief when rest is due soon and when it is due', async () => {
    const { tx } = await pool();
    const [entry] = await tx.query('poolEntry', SPACE);
    if (!entry) throw new Error('no entry');
    expect(wellbeing(entry, T0 + 6 * H, 12).status).toBe('ok');
    expect(wellbeing(entry, T0 + 10.5 * H, 12).status).toBe('soon');
    expect(wellbeing(entry, T0 + 12 * H, 12)).toMatchObject({ status: 'due', hoursOnDuty: 12, restDueAt: T0 + 12 * H });
  });

  it('registers a walk-in volunteer (HICS 253) and checks them into the pool in one step', async () => {
    const { tx, incident, at } = await pool();
    const id = newId();
    await runMutation(tx, 'staff.registerVolunteer', { id, poolEntryId: newId(), incidentId: incident.id, name: 'Zhang Wei', phone: '13900000000', skills: 'first aid', languages: ['zh'] }, at(2));
    expect(await tx.get('staff', id)).toMatchObject({ profession: 'volunteer', volunteer: { incidentId: incident.id, skills: 'first aid' } });
    expect((await tx.query('poolEntry', SPACE)).filter((e) => e.staffId === id)).toHaveLength(1);
  });
});
