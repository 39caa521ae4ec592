import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { runMutation } from '../../../src/domain/mutators';
import type { StockItem, Store } from '../../../src/domain/resources/stock';
import type { Staff } from '../../../src/domain/roster/staff';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';
import { makeStaffRow } from '../../fixtures/roster';
import { makeIncidentArgs } from '../../fixtures/workstation';

const T0 = makeContext().at;
const SPACE = 'demo-hospital';
const at = (minutes: number) => makeContext({ at: T0 + minutes * 60_000, actor: makeActor('logistics_chief') });
const itemArgs = (o: Partial<Omit<StockItem, 'space' | 'updatedAt'>> = {}) => ({ id: newId(), name: 'N95 mask', category: 'ppe' as const, unit: 'box', par: 50, yellowAt: 20, redAt: 10, ...o });

describe('stock catalogue', () => {
  it('adds an item and edits its thresholds in place', async () => {
    const tx = makeMemoryTx();
    const item = itemArgs();
    await runMutation(tx, 'stock.saveItem', item, at(0));
    await runMutation(tx, 'stock.saveItem', { ...item, yellowAt: 30 }, at(1));
    expect(await tx.query('stockItem', SPACE)).toEqual([{ ...item, yellowAt: 30, space: SPACE, updatedAt: at(1).at }]);
  });

  it('refuses an item or a store named like another one, with the name', async () => {
    const tx = makeMemoryTx();
    await runMutation(tx, 'stock.saveItem', itemArgs(), at(0));
    await expect(runMutation(tx, 'stock.saveItem', itemArgs(), at(1))).rejects.toMatchObject({ code: 'name_taken', params: { name: 'N95 mask' } });
    await runMutation(tx, 'stock.saveStore', { id: newId(), name: 'ED store' }, at(0));
    const icu = { id: newId(), name: 'ICU store', location: '3F' };
    await runMutation(tx, 'stock.saveStore', icu, at(1));
    await expect(runMutation(tx, 'stock.saveStore', { ...icu, name: 'ED store' }, at(2))).rejects.toMatchObject({ code: 'name_taken' });
    expect((await tx.query('store', SPACE)).map((s) => s.name).sort()).toEqual(['ED store', 'ICU store']);
  });

  it('renames a store that holds nothing, and refuses to rename one that holds stock', async () => {
    const tx = makeMemoryTx();
    const store = { id: newId(), name: 'Tent A', location: '' };
    await runMutation(tx, 'stock.saveStore', store, at(0));
    await runMutation(tx, 'stock.saveStore', { ...store, name: 'Tent 1' }, at(1));
    await runMutation(tx, 'stock.receive', { id: newId(), item: 'Gloves', store: 'Tent 1', qty: 5 }, at(2));
    await expect(runMutation(tx, 'stock.saveStore', { ...store, name: 'Tent 2' }, at(3))).rejects.toMatchObject({ code: 'invalid_args' });
  });

  it('refuses receipts and issues of a retired item and keeps its stock; restoring it lets them through again', async () => {
    const tx = makeMemoryTx();
    const item = itemArgs();
    await runMutation(tx, 'stock.saveItem', item, at(0));
    const level = newId();
    await runMutation(tx, 'stock.receive', { id: level, item: item.name, store: 'ED', qty: 8 }, at(1));
    await runMutation(tx, 'stock.setItemRetired', { id: item.id, retired: true }, at(2));
    expect((await tx.get('stockItem', item.id))?.retiredAt).toBe(at(2).at);
    await expect(runMutation(tx, 'stock.receive', { id: level, item: item.name, store: 'ED', qty: 1 }, at(3))).rejects.toMatchObject({ code: 'retired', params: { name: item.name } });
    await expect(runMutation(tx, 'stock.issue', { id: level, qty: 1 }, at(3))).rejects.toMatchObject({ code: 'retired' });
    const request = newId();
    await runMutation(tx, 'request.raise', { id: request, item: item.name, qty: 2, neededBy: T0 + 3_600_000, priority: 'urgent', justification: 'ED', section: 'Ops' }, at(3));
    await runMutation(tx, 'request.approve', { id: request }, at(3));
    await expect(runMutation(tx, 'request.fill', { id: request, stockId: level, qty: 1 }, at(3))).rejects.toMatchObject({ code: 'retired' });
    expect((await tx.get('stock', level))?.qty).toBe(8);
    await runMutation(tx, 'stock.setItemRetired', { id: item.id, retired: false }, at(4));
    expect(await tx.get('stockItem', item.id)).not.toHaveProperty('retiredAt');
    await runMutation(tx, 'stock.issue', { id: level, qty: 3 }, at(5));
    expect((await tx.get('stock', level))?.qty).toBe(5);
  });

  it('takes nothing into a retired store, but lets its stock be transferred out', async () => {
    const tx = makeMemoryTx();
    const store: Omit<Store, 'space' | 'updatedAt'> = { id: newId(), name: 'Tent A', location: '' };
    await runMutation(tx, 'stock.saveStore', store, at(0));
    const level = newId();
    await runMutation(tx, 'stock.receive', { id: level, item: 'Gloves', store: 'Tent A', qty: 5 }, at(1));
    await runMutation(tx, 'stock.setStoreRetired', { id: store.id, retired: true }, at(2));
    await expect(runMutation(tx, 'stock.receive', { id: newId(), item: 'Masks', store: 'Tent A', qty: 1 }, at(3))).rejects.toMatchObject({ code: 'retired' });
    await runMutation(tx, 'stock.transfer', { id: level, toId: newId(), toStore: 'ED', qty: 5 }, at(3));
    expect((await tx.get('stock', level))?.qty).toBe(0);
  });

  it('keeps a retired item retired when a stocktake file counts it', async () => {
    const tx = makeMemoryTx();
    const item = itemArgs();
    await runMutation(tx, 'stock.saveItem', item, at(0));
    await runMutation(tx, 'stock.setItemRetired', { id: item.id, retired: true }, at(1));
    const row = { levelId: newId(), item: item.name, store: 'ED', category: 'ppe', unit: 'box', qty: 3, par: 50, yellowAt: 20, redAt: 10 };
    await runMutation(tx, 'stock.import', { rows: [row] }, at(2));
    expect((await tx.get('stockItem', item.id))?.retiredAt).toBe(at(1).at);
  });

  it('refuses catalogue changes from a viewer', async () => {
    const viewer = makeContext({ actor: makeActor('viewer') });
    await expect(runMutation(makeMemoryTx(), 'stock.saveItem', itemArgs(), viewer)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runMutation(makeMemoryTx(), 'staff.save', makeStaffRow(1), viewer)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('staff directory', () => {
  it('adds a person and edits them, keeping their id and staff number unique', async () => {
    const tx = makeMemoryTx();
    const li = makeStaffRow(1, { name: 'Li Na' });
    await runMutation(tx, 'staff.save', li, at(0));
    await runMutation(tx, 'staff.save', { ...li, homeUnit: 'ICU' }, at(1));
    expect((await tx.query('staff', SPACE)).map((s) => [s.id, s.homeUnit])).toEqual([[li.id, 'ICU']]);
    const other = makeStaffRow(2, { staffNo: li.staffNo });
    await expect(runMutation(tx, 'staff.save', other, at(2))).rejects.toMatchObject({ code: 'staff_no_taken', params: { staffNo: li.staffNo, person: 'Li Na' } });
  });

  it('refuses to check in, roster or assign a retired person, and keeps them in the directory', async () => {
    const tx = makeMemoryTx();
    const incident = makeIncidentArgs();
    await runMutation(tx, 'incident.declare', incident, makeContext());
    const li = makeStaffRow(1, { name: 'Li Na' });
    await runMutation(tx, 'staff.save', li, at(0));
    const entry = newId();
    await runMutation(tx, 'pool.checkIn', { id: entry, incidentId: incident.id, staffId: li.id }, at(1));
    await runMutation(tx, 'staff.setRetired', { id: li.id, retired: true }, at(2));
    await expect(runMutation(tx, 'pool.assign', { id: entry, positionId: 'ops.medical-care.casualty-care', assignmentId: newId() }, at(3))).rejects.toMatchObject({ code: 'retired' });
    await runMutation(tx, 'pool.checkOut', { id: entry }, at(3));
    await expect(runMutation(tx, 'pool.checkIn', { id: newId(), incidentId: incident.id, staffId: li.id }, at(4))).rejects.toMatchObject({ code: 'retired', params: { name: 'Li Na' } });
    const shift = { id: newId(), staffId: li.id, unit: 'ICU', role: 'nurse' as const, shiftCode: 'D12', start: T0 + 3_600_000, end: T0 + 13 * 3_600_000 };
    await expect(runMutation(tx, 'roster.assign', shift, at(4))).rejects.toMatchObject({ code: 'retired' });
    expect((await tx.get('staff', li.id))?.retiredAt).toBe(at(2).at);
  });

  it('adds a walk-in to the directory and checks them in as one change', async () => {
    const tx = makeMemoryTx();
    const incident = makeIncidentArgs();
    await runMutation(tx, 'incident.declare', incident, makeContext());
    const args = { id: newId(), incidentId: incident.id, staffId: newId(), staffNo: 'A-17', name: 'Zhao Lei', profession: 'nurse' as const, homeUnit: 'ED' };
    await runMutation(tx, 'pool.checkInWalkIn', args, at(1));
    expect(await tx.get('staff', args.staffId)).toMatchObject<Partial<Staff>>({ staffNo: 'A-17', name: 'Zhao Lei', profession: 'nurse', homeUnit: 'ED' });
    expect((await tx.query('poolEntry', SPACE)).map((e) => e.staffId)).toEqual([args.staffId]);
  });

  it('refuses a walk-in with a staff number someone has, and adds nobody', async () => {
    const tx = makeMemoryTx();
    const incident = makeIncidentArgs();
    await runMutation(tx, 'incident.declare', incident, makeContext());
    const li = makeStaffRow(1);
    await runMutation(tx, 'staff.save', li, at(0));
    const args = { id: newId(), incidentId: incident.id, staffId: newId(), staffNo: li.staffNo, name: 'Zhao Lei', profession: 'nurse' as const, homeUnit: 'ED' };
    await expect(runMutation(tx, 'pool.checkInWalkIn', args, at(1))).rejects.toMatchObject({ code: 'staff_no_taken' });
    expect(await tx.query('staff', SPACE)).toHaveLength(1);
    expect(await tx.query('poolEntry', SPACE)).toHaveLength(0);
  });
});
