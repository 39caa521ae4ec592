import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors';
import { newId } from '../../../src/domain/ids';
import type { MutationContext } from '../../../src/domain/mutation';
import { runMutation } from '../../../src/domain/mutators';
import { fefoPick, fitLotsToCount, isExpiringSoon, usableQty, type Lot } from '../../../src/domain/resources/lots';
import { daysOfSupply, itemBurn, quotaAt, requiredQty, reserveBasis, reserveRows, reserveStatus } from '../../../src/domain/resources/reserves';
import type { StockItem, StockLevel } from '../../../src/domain/resources/stock';
import { makeActor } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 6, 8, 0);
const SPACE = 'demo-hospital';
const ctx = (o: Partial<MutationContext> = {}): MutationContext => ({ at: T0, actor: makeActor('logistics_chief'), space: SPACE, origin: 'server', ...o });
const lot = (lotNo: string, qty: number, expiresOn?: string, receivedAt = T0 - DAY): Lot => ({ lotNo, qty, receivedAt, ...(expiresOn ? { expiresOn } : {}) });
const makeItem = (o: Partial<StockItem> = {}): StockItem => ({ id: newId(), space: SPACE, name: 'N95', category: 'ppe', unit: 'box', par: 100, yellowAt: 50, redAt: 10, updatedAt: T0, ...o });
const makeLevel = (o: Partial<StockLevel> = {}): StockLevel => ({ id: newId(), space: SPACE, item: 'N95', store: 'ED', qty: 30, updatedAt: T0, ...o });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('FEFO pick', () => {
  it('draws the earliest expiry first, across lots, and records what it took from each', () => {
    const level = { qty: 30, lots: [lot('LATE', 10, '2027-06-30'), lot('EARLY', 10, '2027-01-31'), lot('NONE', 10)] };
    const pick = fefoPick(level, 15, T0);
    expect(pick?.draws).toEqual([{ lotNo: 'EARLY', expiresOn: '2027-01-31', qty: 10 }, { lotNo: 'LATE', expiresOn: '2027-06-30', qty: 5 }]);
    expect(pick?.lots.map((l) => [l.lotNo, l.qty])).toEqual([['LATE', 5], ['NONE', 10]]);
  });

  it('skips expired lots and takes stock without a lot last', () => {
    const level = { qty: 25, lots: [lot('OLD', 10, '2026-12-01'), lot('OK', 5, '2027-01-31')] };
    expect(usableQty(level, T0)).toBe(15);
    const pick = fefoPick(level, 12, T0);
    expect(pick?.draws).toEqual([{ lotNo: 'OK', expiresOn: '2027-01-31', qty: 5 }, { lotNo: null, qty: 7 }]);
    expect(pick?.lots).toEqual([lot('OLD', 10, '2026-12-01')]);
  });

  it('refuses when every lot has expired, however much is on the shelf', () => {
    expect(fefoPick({ qty: 20, lots: [lot('A', 20, '2026-11-30')] }, 1, T0)).toBeNull();
  });

  it('counts a lot as usable through its expiry day and flags it within 90 days', () => {
    const today = { expiresOn: '2026-12-06' };
    expect(usableQty({ qty: 5, lots: [lot('T', 5, today.expiresOn)] }, T0)).toBe(5);
    expect(usableQty({ qty: 5, lots: [lot('T', 5, today.expiresOn)] }, T0 + DAY)).toBe(0);
    expect(isExpiringSoon({ expiresOn: '2027-03-01' }, T0, 90)).toBe(true);
    expect(isExpiringSoon({ expiresOn: '2027-06-01' }, T0, 90)).toBe(false);
    expect(isExpiringSoon({}, T0, 90)).toBe(false);
  });

  it('trims lots to a lower stocktake in FEFO order', () => {
    expect(fitLotsToCount([lot('B', 10, '2027-06-30'), lot('A', 10, '2027-01-31')], 12).map((l) => [l.lotNo, l.qty])).toEqual([['A', 2], ['B', 10]]);
  });
});

describe('days of supply and status against quota', () => {
  it('uses the last 7 days of issues, else the planned rate, and says which', () => {
    const used = [{ history: [{ at: T0 - DAY, kind: 'issue', qty: 14 }, { at: T0 - 8 * DAY, kind: 'issue', qty: 100 }, { at: T0 - DAY, kind: 'transfer_out', qty: 50 }] }];
    expect(itemBurn(used, 5, T0)).toEqual({ perDay: 2, source: 'history' });
    expect(itemBurn([{ history: [] }], 5, T0)).toEqual({ perDay: 5, source: 'planned' });
    expect(itemBurn([{}], undefined, T0)).toEqual({ perDay: 0, source: 'none' });
    expect(daysOfSupply(60, 2)).toBe(30);
    expect(daysOfSupply(60, 0)).toBeNull();
  });

  it('colours green at quota, yellow from half, red below half; a zero quota is always met', () => {
    expect(reserveStatus(100, 100)).toBe('green');
    expect(reserveStatus(50, 100)).toBe('yellow');
    expect(reserveStatus(49, 100)).toBe('red');
    expect(reserveStatus(0, 0)).toBe('green');
    expect(requiredQty({ basis: 'days', amount: 30 }, 2.5)).toBe(75);
    expect(requiredQty({ basis: 'days', amount: 30 }, 0)).toBe(0);
    expect(requiredQty({ basis: 'units', amount: 40 }, 9)).toBe(40);
  });

  it("applies the level's own quota, else the standing one, and the standing level without an open incident", () => {
    const reserve = { quotas: { standing: { basis: 'units' as const, amount: 10 }, II: { basis: 'days' as const, amount: 30 } } };
    expect(quotaAt(reserve, 'II')).toEqual({ quota: { basis: 'days', amount: 30 }, from: 'II' });
    expect(quotaAt(reserve, 'I')).toEqual({ quota: { basis: 'units', amount: 10 }, from: 'standing' });
    expect(quotaAt(undefined, 'I')).toBeNull();
    expect(reserveBasis({ level: 'II', status: 'active' }, null)).toEqual({ level: 'II', basis: { kind: 'incident', level: 'II' } });
    expect(reserveBasis({ level: 'II', status: 'closed' }, null)).toEqual({ level: 'standing', basis: { kind: 'standing' } });
    expect(reserveBasis(null, null)).toEqual({ level: 'standing', basis: { kind: 'standing' } });
  });

  it('follows the warning colour: a verified warning raises the quotas before any incident, and the higher level wins', () => {
    const yellow = { grade: 'yellow', level: 'III' } as const;
    expect(reserveBasis(null, yellow)).toEqual({ level: 'III', basis: { kind: 'warning', level: 'III', grade: 'yellow' } });
    expect(reserveBasis({ level: 'IV', status: 'active' }, yellow).basis).toEqual({ kind: 'warning', level: 'III', grade: 'yellow' });
    expect(reserveBasis({ level: 'II', status: 'active' }, yellow).basis).toEqual({ kind: 'incident', level: 'II' });
    // A tie names the incident: it is what people act on.
    expect(reserveBasis({ level: 'III', status: 'demobilising' }, yellow).basis).toEqual({ kind: 'incident', level: 'III' });
    expect(reserveBasis({ level: 'I', status: 'closed' }, yellow).basis).toEqual({ kind: 'warning', level: 'III', grade: 'yellow' });
  });

  it('leaves expired lots out of the reserve: all lots expired is red against any quota', () => {
    const item = makeItem({ reserve: { quotas: { standing: { basis: 'units', amount: 10 } } } });
    const [row] = reserveRows([makeLevel({ qty: 20, lots: [lot('A', 20, '2026-11-30')] })], [item], 'standing', T0);
    expect(row).toMatchObject({ onHand: 0, expired: 20, required: 10, status: 'red' });
    expect(row?.lots[0]).toMatchObject({ lotNo: 'A', expired: true, expiringSoon: false });
  });

  it('sums every store, works out a days quota from the burn rate, and flags holdings at their reorder point', () => {
    const item = makeItem({ reserve: { quotas: { III: { basis: 'days', amount: 30 } }, plannedBurnPerDay: 2 } });
    const rows = reserveRows(
      [makeLevel({ qty: 30, parLevels: { par: 50, reorderAt: 30 } }), makeLevel({ store: 'Central', qty: 15 }), makeLevel({ item: 'Gowns', qty: 5 })],
      [item],
      'III',
      T0,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ onHand: 45, burnSource: 'planned', burnPerDay: 2, required: 60, daysOfSupply: 22.5, status: 'yellow', quotaFrom: 'III' });
    expect(rows[0]?.holdings.map((h) => [h.store, h.reorder])).toEqual([['ED', true], ['Central', false]]);
  });

  it('shows no colour for an item without a quota at the level', () => {
    const [row] = reserveRows([makeLevel()], [makeItem()], 'I', T0);
    expect(row).toMatchObject({ status: null, required: null, quota: null });
  });
});

describe('reserve mutations', () => {
  async function seeded() {
    const tx = makeMemoryTx();
    const itemId = newId();
    const id = newId();
    await runMutation(tx, 'stock.saveItem', { id: itemId, name: 'N95', category: 'ppe', unit: 'box', par: 100, yellowAt: 50, redAt: 10 }, ctx());
    return { tx, itemId, id };
  }

  it('receives lots and issues them FEFO, recording the lots each move touched', async () => {
    const { tx, id } = await seeded();
    await runMutation(tx, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 10, lot: { lotNo: 'L2', expiresOn: '2027-08-31' } }, ctx());
    await runMutation(tx, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 10, lot: { lotNo: 'L1', expiresOn: '2027-02-28' } }, ctx());
    await runMutation(tx, 'stock.issue', { id, qty: 12 }, ctx({ at: T0 + 1 }));
    const level = await tx.get('stock', id);
    expect(level?.qty).toBe(8);
    expect(level?.lots?.map((l) => [l.lotNo, l.qty])).toEqual([['L2', 8]]);
    expect(level?.history?.at(-1)?.lots).toEqual([{ lotNo: 'L1', expiresOn: '2027-02-28', qty: 10 }, { lotNo: 'L2', expiresOn: '2027-08-31', qty: 2 }]);
  });

  it('refuses an issue of expired stock and changes nothing', async () => {
    const { tx, id } = await seeded();
    await runMutation(tx, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 10, lot: { lotNo: 'OLD', expiresOn: '2026-12-01' } }, ctx());
    const before = await tx.get('stock', id);
    const error = await refusal(runMutation(tx, 'stock.issue', { id, qty: 1 }, ctx()));
    expect(error.code).toBe('stock_expired');
    expect(error.params).toMatchObject({ usable: 0, requested: 1 });
    expect(await tx.get('stock', id)).toEqual(before);
  });

  it('moves lots with a transfer, keeping their numbers and expiry', async () => {
    const { tx, id } = await seeded();
    const toId = newId();
    await runMutation(tx, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 10, lot: { lotNo: 'L1', expiresOn: '2027-02-28' } }, ctx());
    await runMutation(tx, 'stock.transfer', { id, toId, toStore: 'Central', qty: 4 }, ctx());
    expect((await tx.get('stock', toId))?.lots).toMatchObject([{ lotNo: 'L1', expiresOn: '2027-02-28', qty: 4 }]);
    expect((await tx.get('stock', id))?.lots).toMatchObject([{ lotNo: 'L1', qty: 6 }]);
  });

  it('sets and clears quotas per level and a planned burn, and refuses a viewer', async () => {
    const { tx, itemId } = await seeded();
    await runMutation(tx, 'stock.setReserveQuota', { itemId, level: 'II', quota: { basis: 'days', amount: 30 } }, ctx());
    await runMutation(tx, 'stock.setReserveQuota', { itemId, level: 'standing', quota: { basis: 'units', amount: 20 } }, ctx());
    await runMutation(tx, 'stock.setPlannedBurn', { itemId, perDay: 4 }, ctx());
    expect((await tx.get('stockItem', itemId))?.reserve).toEqual({ quotas: { II: { basis: 'days', amount: 30 }, standing: { basis: 'units', amount: 20 } }, plannedBurnPerDay: 4 });
    await runMutation(tx, 'stock.setReserveQuota', { itemId, level: 'II', quota: null }, ctx());
    await runMutation(tx, 'stock.setPlannedBurn', { itemId, perDay: null }, ctx());
    expect((await tx.get('stockItem', itemId))?.reserve).toEqual({ quotas: { standing: { basis: 'units', amount: 20 } } });
    const error = await refusal(runMutation(tx, 'stock.setReserveQuota', { itemId, level: 'I', quota: { basis: 'units', amount: 1 } }, ctx({ actor: makeActor('viewer') })));
    expect(error.code).toBe('forbidden');
  });

  it('refuses a reorder point above par', async () => {
    const { tx, id } = await seeded();
    await runMutation(tx, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 10 }, ctx());
    await expect(runMutation(tx, 'stock.setParLevels', { id, parLevels: { par: 10, reorderAt: 20 } }, ctx())).rejects.toThrow(/reorder/);
    await runMutation(tx, 'stock.setParLevels', { id, parLevels: { par: 40, reorderAt: 20 } }, ctx());
    expect((await tx.get('stock', id))?.parLevels).toEqual({ par: 40, reorderAt: 20 });
  });

  it('keeps lots and par levels through a stocktake, trimming lots to a lower count', async () => {
    const { tx, id } = await seeded();
    await runMutation(tx, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 10, lot: { lotNo: 'L1', expiresOn: '2027-02-28' } }, ctx());
    await runMutation(tx, 'stock.setParLevels', { id, parLevels: { par: 40, reorderAt: 20 } }, ctx());
    const row = { levelId: newId(), item: 'N95', store: 'ED', category: 'ppe', unit: 'box', qty: 6, par: 100, yellowAt: 50, redAt: 10 };
    await runMutation(tx, 'stock.import', { rows: [row] }, ctx());
    expect(await tx.get('stock', id)).toMatchObject({ qty: 6, lots: [{ lotNo: 'L1', qty: 6 }], parLevels: { par: 40, reorderAt: 20 } });
  });
});
