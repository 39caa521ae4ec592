import { describe, expect, it } from 'vitest';
import { newId } from '../../../../src/domain/ids';
import type { BedCount } from '../../../../src/domain/resources';
import { availableBeds, checkoutId, checkoutProgress, costCsv, costTotals, isCheckedOut, metricCurrent, stockAtParPercent, tallyId, unitAggregates, type CostLine } from '../../../../src/domain/recovery';
import { can } from '../../../../src/domain/roles';
import { makeActor } from '../../../fixtures/actors';
import { at, boardWorld, MINUTE, T0 } from '../board-fixture';

const wellbeingLead = makeActor('wellbeing_lead');

async function demobilisingWorld() {
  const world = await boardWorld();
  await world.command('incident.demobilise', { id: world.incidentId, reason: 'Last casualty seen' }, at(100));
  return world;
}

describe('demobilisation check-out (HICS 221)', () => {
  it('is refused to a section while the incident is active, but a commander may start it early', async () => {
    const { incidentId, run, command } = await boardWorld();
    await expect(run('demob.tick', { incidentId, person: 'Li Na', item: 'equipment_returned', done: true }, at(5))).rejects.toMatchObject({ code: 'invalid_transition', params: { status: 'active' } });
    await command('demob.tick', { incidentId, person: 'Li Na', item: 'equipment_returned', done: true }, at(6));
  });

  it('keeps one record per person whoever ticks, each item with who and when, and checks the person out once every item is ticked', async () => {
    const { incidentId, run, tx } = await demobilisingWorld();
    const items = ['equipment_returned', 'handover_done', 'debrief_attended', 'wellbeing_offered', 'timesheet_confirmed', 'forms_handed_in'] as const;
    for (const [i, item] of items.entries()) await run('demob.tick', { incidentId, person: i % 2 ? ' li na ' : 'Li Na', item, done: true }, at(110 + i));
    const record = await tx.get('demobCheckout', checkoutId('demo-hospital', incidentId, 'LI NA'));
    expect(record?.person).toBe('Li Na');
    expect(record?.items.handover_done).toEqual({ by: 'user-operator', at: T0 + 111 * MINUTE });
    expect(isCheckedOut(record)).toBe(true);
    await run('demob.tick', { incidentId, person: 'Li Na', item: 'handover_done', done: false }, at(120));
    const after = await tx.get('demobCheckout', checkoutId('demo-hospital', incidentId, 'Li Na'));
    expect(isCheckedOut(after)).toBe(false);
    expect(checkoutProgress(['Li Na', 'Wang Wei'], after ? [after] : [])).toEqual({ people: 2, done: 0, ticked: 5, items: 12 });
  });

  it('goes on after the close', async () => {
    const { incidentId, run, command } = await demobilisingWorld();
    await command('incident.close', { id: incidentId, reason: 'Stood down' }, at(200));
    await run('demob.tick', { incidentId, person: 'Li Na', item: 'forms_handed_in', done: true }, at(210));
  });
});

describe('recovery metrics', () => {
  it('counts beds and stock from the records and takes hand-entered figures only for the other kinds', async () => {
    const { incidentId, run, tx } = await demobilisingWorld();
    const beds = newId();
    await run('recoveryMetric.add', { id: beds, incidentId, kind: 'beds_available', target: 20, owner: 'Bed manager' }, at(101));
    await expect(run('recoveryMetric.add', { id: newId(), incidentId, kind: 'beds_available', target: 20, owner: 'X' }, at(102))).rejects.toMatchObject({ code: 'already_exists' });
    await expect(run('recoveryMetric.update', { id: beds, current: 5 }, at(103))).rejects.toMatchObject({ code: 'invalid_args', params: { field: 'current' } });
    await expect(run('recoveryMetric.add', { id: newId(), incidentId, kind: 'other', target: 1, owner: 'X' }, at(104))).rejects.toMatchObject({ code: 'invalid_args', params: { field: 'label' } });
    const surgery = newId();
    await run('recoveryMetric.add', { id: surgery, incidentId, kind: 'elective_surgery', target: 100, current: 25, owner: 'Theatre lead' }, at(105));
    await run('recoveryMetric.update', { id: surgery, current: 50, status: 'done' }, at(106));
    const metric = await tx.get('recoveryMetric', surgery);
    expect(metric).toMatchObject({ current: 50, status: 'done', doneAt: T0 + 106 * MINUTE });
    expect(metricCurrent(metric ?? { kind: 'other' }, { beds: [], levels: [], items: [] })).toBe(50);
  });

  it('takes available beds at the declaration from each line’s history as the baseline, and stock at par as a share of stocked items', () => {
    const line = (history: [number, number][], available: number): BedCount => ({
      id: newId(), space: 'demo-hospital', unit: 'ICU', type: 'adult_icu', staffed: 10, occupied: 10 - available, available, surge: 0,
      changedAt: { staffed: T0, occupied: T0, available: T0, surge: T0 }, updatedBy: 'x', updatedAt: T0, history: history.map(([when, a]) => ({ at: when, staffed: 10, occupied: 10 - a, available: a, surge: 0 })),
    });
    const beds = [line([[T0 - 60 * MINUTE, 8], [T0 + 30 * MINUTE, 1]], 1), line([[T0 + 10 * MINUTE, 4]], 4)];
    expect(availableBeds(beds, T0)).toBe(8);
    expect(availableBeds(beds)).toBe(5);
    const item = (name: string, par: number) => ({ id: newId(), space: 's', name, category: 'ppe' as const, unit: 'box', par, yellowAt: 0, redAt: 0, updatedAt: T0 });
    const level = (name: string, store: string, qty: number) => ({ id: newId(), space: 's', item: name, store, qty, updatedAt: T0 });
    expect(stockAtParPercent([level('Masks', 'A', 30), level('Masks', 'B', 20), level('Gloves', 'A', 5)], [item('Masks', 50), item('Gloves', 10), item('Unstocked', 0)])).toBe(50);
    expect(stockAtParPercent([], [])).toBeNull();
  });
});

describe('incident costs (HICS 256)', () => {
  const line = (category: CostLine['category'], total: number, extra: Partial<CostLine> = {}): CostLine => ({
    id: newId(), space: 's', incidentId: newId(), date: T0, item: 'Gauze', vendor: 'Acme', category, quantity: 1, unitCost: total, total, requestedBy: 'A', approvedBy: 'B', reference: '', createdAt: T0, createdBy: 'u', ...extra,
  });

  it('works out the total to the cent and refuses a negative quantity or a cost with fractions of a cent, changing nothing', async () => {
    const { incidentId, run, tx } = await demobilisingWorld();
    const id = newId();
    await run('cost.add', { id, incidentId, date: T0, item: 'Saline 500 ml', vendor: 'Huadong Pharma', category: 'pharmaceuticals', quantity: 3, unitCost: 0.1, requestedBy: 'Pharmacy', approvedBy: 'Finance chief' }, at(101));
    expect((await tx.get('costLine', id))?.total).toBe(0.3);
    await expect(run('cost.add', { id: newId(), incidentId, date: T0, item: 'x', vendor: 'y', category: 'other', quantity: -1, unitCost: 1, requestedBy: 'a', approvedBy: 'b' }, at(102))).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(run('cost.add', { id: newId(), incidentId, date: T0, item: 'x', vendor: 'y', category: 'other', quantity: 1, unitCost: 1.005, requestedBy: 'a', approvedBy: 'b' }, at(103))).rejects.toMatchObject({ code: 'invalid_args' });
    expect(await tx.query('costLine', 'demo-hospital')).toHaveLength(1);
    await run('cost.remove', { id }, at(104));
    expect(await tx.query('costLine', 'demo-hospital')).toHaveLength(0);
  });

  it('totals per category in cents, so 0.1 + 0.2 is 0.3', () => {
    expect(costTotals([line('food', 0.1), line('food', 0.2), line('transport', 12.5)])).toEqual({
      byCategory: [{ category: 'food', total: 0.3, lines: 2 }, { category: 'transport', total: 12.5, lines: 1 }],
      total: 12.8,
    });
  });

  it('exports CSV with the 256 columns, quoting commas and neutralising formulas', () => {
    const csv = costCsv([line('equipment', 99.9, { item: 'Radio, handheld', vendor: '=HYPERLINK("x")', date: Date.UTC(2026, 11, 6, 2, 0) })]);
    expect(csv.split('\r\n')[0]).toBe('date,item,vendor,category,quantity,unit_cost,total,requested_by,approved_by,reference');
    expect(csv.split('\r\n')[1]).toBe('2026-12-06T02:00:00.000Z,"Radio, handheld","\'=HYPERLINK(""x"")",equipment,1,99.90,99.90,A,B,');
  });
});

describe('staff wellbeing check-ins', () => {
  it('only the wellbeing lead (and the administrator) may read individual check-ins; the commander may not', () => {
    expect(can(wellbeingLead, 'wellbeing.read')).toBe(true);
    expect(can(makeActor('admin'), 'wellbeing.read')).toBe(true);
    expect(can(makeActor('incident_commander'), 'wellbeing.read')).toBe(false);
    expect(can(makeActor('operator'), 'wellbeing.read')).toBe(false);
  });

  it('tallies each person by their latest check-in: a later one moves them, one sent late from an offline desk does not', async () => {
    const { incidentId, run, tx } = await boardWorld();
    const checkIn = (person: string, zone: 'green' | 'yellow' | 'orange' | 'red', minute: number, unit = 'ED') =>
      run('wellbeing.checkIn', { id: newId(), incidentId, person, unit, zone, reportedBy: 'peer' }, at(minute));
    await checkIn('Li Na', 'yellow', 10);
    await checkIn('Wang Wei', 'green', 11);
    await checkIn('Li Na', 'orange', 20);
    await checkIn('li na', 'green', 15);
    const tally = await tx.get('wellbeingTally', tallyId('demo-hospital', incidentId));
    expect(tally?.units).toEqual({ ED: { green: 1, yellow: 0, orange: 1, red: 0 } });
    expect(await tx.query('wellbeingCheckIn', 'demo-hospital')).toHaveLength(4);
  });

  it('counts orange, red and asked-for-contact check-ins as awaiting the lead’s follow-up, which only the lead records, once', async () => {
    const { incidentId, run, runAs, tx } = await boardWorld();
    const ids = { orange: newId(), red: newId(), contact: newId(), green: newId() };
    await run('wellbeing.checkIn', { id: ids.orange, incidentId, person: 'Li Na', unit: 'ED', zone: 'orange', reportedBy: 'peer' }, at(10));
    await run('wellbeing.checkIn', { id: ids.red, incidentId, person: 'Wang Wei', unit: 'ICU', zone: 'red', reportedBy: 'peer' }, at(11));
    await run('wellbeing.checkIn', { id: ids.contact, incidentId, person: 'Zhao Lei', unit: 'ED', zone: 'green', reportedBy: 'self', wantsContact: true }, at(12));
    await run('wellbeing.checkIn', { id: ids.green, incidentId, person: 'Sun Li', unit: 'ED', zone: 'green', reportedBy: 'self' }, at(13));
    const tally = () => tx.get('wellbeingTally', tallyId('demo-hospital', incidentId));
    expect((await tally())?.awaitingFollowUp).toBe(3);

    await expect(run('wellbeing.followUp', { id: ids.orange, note: 'Talked; rest day given' }, at(20))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runAs('wellbeing.followUp', { id: ids.green, note: 'x' }, at(20), wellbeingLead)).rejects.toThrow(/called for no follow-up/);
    await runAs('wellbeing.followUp', { id: ids.orange, note: 'Talked; rest day given' }, at(21), wellbeingLead);
    expect((await tx.get('wellbeingCheckIn', ids.orange))?.followUp).toEqual({ at: T0 + 21 * MINUTE, by: wellbeingLead.userId, note: 'Talked; rest day given' });
    expect((await tally())?.awaitingFollowUp).toBe(2);
    await expect(runAs('wellbeing.followUp', { id: ids.orange, note: 'again' }, at(22), wellbeingLead)).rejects.toThrow(/already recorded/);
    expect((await tally())?.awaitingFollowUp).toBe(2);
  });

  it('shows command a unit’s colours only from five people, pools smaller units, and withholds the whole when it would reveal the pool', () => {
    const z = (green: number, yellow = 0, orange = 0, red = 0) => ({ green, yellow, orange, red });
    expect(unitAggregates({ ED: z(3, 1, 1), ICU: z(1), Lab: z(0, 0, 0, 1) })).toEqual({
      units: [{ unit: 'ED', people: 5, zones: z(3, 1, 1) }, { unit: null, people: 2, zones: null }],
      total: { unit: null, people: 7, zones: null },
    });
    expect(unitAggregates({ ED: z(5), ICU: z(2, 3) })).toEqual({
      units: [{ unit: 'ED', people: 5, zones: z(5) }, { unit: 'ICU', people: 5, zones: z(2, 3) }],
      total: { unit: null, people: 10, zones: z(7, 3) },
    });
    expect(unitAggregates({ ED: z(1) }).units).toEqual([{ unit: null, people: 1, zones: null }]);
  });
});
