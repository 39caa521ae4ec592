import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors';
import { newId } from '../../../src/domain/ids';
import type { MutationContext } from '../../../src/domain/mutation';
import { runMutation } from '../../../src/domain/mutators';
import type { StockItem, StockLevel } from '../../../src/domain/resources/stock';
import { effectiveThresholds, levelStatus, qtyByUnit, stockRows, stockTotals } from '../../../src/domain/resources/stock-calculations';
import { holdingThresholdColumns, stockCsvColumns, validateStockCsv } from '../../../src/domain/resources/stock-import';
import { makeActor } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const T0 = Date.UTC(2026, 10, 26, 8, 0);
const SPACE = 'demo-hospital';
const ctx = (o: Partial<MutationContext> = {}): MutationContext => ({ at: T0, actor: makeActor('logistics_chief'), space: SPACE, origin: 'server', ...o });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const makeItem = (o: Partial<StockItem> = {}): StockItem => ({ id: newId(), space: SPACE, name: 'N95', category: 'ppe', unit: 'box', par: 100, yellowAt: 50, redAt: 10, updatedAt: T0, ...o });
const makeLevel = (o: Partial<StockLevel> = {}): StockLevel => ({ id: newId(), space: SPACE, item: 'N95', store: 'ED', qty: 30, updatedAt: T0, ...o });

/** A holding of 30 N95 boxes in ED, with the item's defaults yellow 50, red 10 (so yellow by default). */
async function seeded() {
  const tx = makeMemoryTx();
  const id = newId();
  await runMutation(tx, 'stock.saveItem', { id: newId(), name: 'N95', category: 'ppe', unit: 'box', par: 100, yellowAt: 50, redAt: 10 }, ctx());
  await runMutation(tx, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 30 }, ctx());
  const rowOf = async () => {
    const [row] = stockRows((await tx.query('stock', SPACE)).filter((l) => l.id === id), await tx.query('stockItem', SPACE), T0, 7);
    return row;
  };
  return { tx, id, rowOf };
}

describe('holding thresholds', () => {
  it("uses the holding's own thresholds before the item's defaults, and no thresholds at all are never red", () => {
    const item = makeItem();
    expect(effectiveThresholds(makeLevel(), item)).toEqual({ yellowAt: 50, redAt: 10 });
    expect(effectiveThresholds(makeLevel({ thresholds: { yellowAt: 200, redAt: 40 } }), item)).toEqual({ yellowAt: 200, redAt: 40 });
    expect(effectiveThresholds(makeLevel({ thresholds: { yellowAt: 5, redAt: 1 } }), undefined)).toEqual({ yellowAt: 5, redAt: 1 });
    expect(levelStatus(0, effectiveThresholds(makeLevel(), undefined))).toBe('green');
  });

  it('colours the same quantity of the same item differently in two stores with different thresholds', () => {
    const rows = stockRows([makeLevel({ store: 'ED' }), makeLevel({ store: 'Central', thresholds: { yellowAt: 300, redAt: 100 } })], [makeItem()], T0, 7);
    expect(rows.map((r) => [r.store, r.status, r.holdingYellowAt, r.holdingRedAt])).toEqual([['ED', 'yellow', null, null], ['Central', 'red', 300, 100]]);
  });

  it('sets a holding its own thresholds, which change its colour, and reverts it to the item defaults', async () => {
    const { tx, id, rowOf } = await seeded();
    expect((await rowOf())?.status).toBe('yellow');
    await runMutation(tx, 'stock.setThresholds', { id, thresholds: { yellowAt: 80, redAt: 30 } }, ctx({ at: T0 + 1 }));
    expect(await tx.get('stock', id)).toMatchObject({ thresholds: { yellowAt: 80, redAt: 30 }, qty: 30, updatedAt: T0 + 1 });
    expect((await rowOf())?.status).toBe('red');
    await runMutation(tx, 'stock.setThresholds', { id, thresholds: null }, ctx());
    expect((await tx.get('stock', id))?.thresholds).toBeUndefined();
    expect((await rowOf())?.status).toBe('yellow');
  });

  it('keeps the thresholds through receipts, issues, transfers out and a stocktake without the threshold columns', async () => {
    const { tx, id } = await seeded();
    await runMutation(tx, 'stock.setThresholds', { id, thresholds: { yellowAt: 80, redAt: 30 } }, ctx());
    await runMutation(tx, 'stock.receive', { id, item: 'N95', store: 'ED', qty: 5 }, ctx());
    await runMutation(tx, 'stock.issue', { id, qty: 3 }, ctx());
    await runMutation(tx, 'stock.transfer', { id, toId: newId(), toStore: 'ICU', qty: 2 }, ctx());
    const parsed = validateStockCsv([...stockCsvColumns], [{ item: 'N95', category: 'ppe', unit: 'box', store: 'ED', qty: '25', par: '100', yellowAt: '50', redAt: '10' }], newId);
    if (!parsed.ok) throw new Error('expected a valid file');
    await runMutation(tx, 'stock.import', { rows: parsed.rows }, ctx());
    expect(await tx.get('stock', id)).toMatchObject({ qty: 25, thresholds: { yellowAt: 80, redAt: 30 } });
  });

  it('refuses red above yellow, negative or fractional thresholds and unknown holdings, changing nothing', async () => {
    const { tx, id } = await seeded();
    const before = await tx.get('stock', id);
    const bad = [{ yellowAt: 10, redAt: 11 }, { yellowAt: -1, redAt: 0 }, { yellowAt: 5.5, redAt: 1 }];
    for (const thresholds of bad) {
      expect((await refusal(runMutation(tx, 'stock.setThresholds', { id, thresholds }, ctx()))).code).toBe('invalid_args');
    }
    const order = await refusal(runMutation(tx, 'stock.setThresholds', { id, thresholds: { yellowAt: 10, redAt: 11 } }, ctx()));
    expect(order.message).toMatch(/thresholds\.redAt: the red threshold must not be above the yellow one/);
    expect((await refusal(runMutation(tx, 'stock.setThresholds', { id: newId(), thresholds: null }, ctx()))).code).toBe('not_found');
    expect(await tx.get('stock', id)).toEqual(before);
  });

  it('lets only a role that may write to the incident set thresholds, and only in its own space', async () => {
    const { tx, id } = await seeded();
    expect((await refusal(runMutation(tx, 'stock.setThresholds', { id, thresholds: null }, ctx({ actor: makeActor('viewer') })))).code).toBe('forbidden');
    expect((await refusal(runMutation(tx, 'stock.setThresholds', { id, thresholds: null }, ctx({ space: 'other-hospital' })))).code).toBe('space_mismatch');
  });
});

describe('totals by unit', () => {
  it('never adds different units together: one figure per unit', () => {
    expect(qtyByUnit([{ unit: 'box', qty: 100 }, { unit: 'bag', qty: 40 }, { unit: 'box', qty: 20 }])).toEqual([{ unit: 'bag', qty: 40 }, { unit: 'box', qty: 120 }]);
    const items = [makeItem(), makeItem({ name: 'Saline', unit: 'bag', category: 'ppe' })];
    const rows = stockRows([makeLevel({ qty: 120 }), makeLevel({ item: 'Saline', qty: 40 })], items, T0, 7);
    expect(stockTotals(rows, 'store')).toEqual([{ key: 'ED', quantities: [{ unit: 'bag', qty: 40 }, { unit: 'box', qty: 120 }], holdings: 2, red: 0, yellow: 1 }]);
  });
});

describe('stock CSV import with holding thresholds', () => {
  const header = [...stockCsvColumns, ...holdingThresholdColumns];
  const good = { item: 'N95', category: 'ppe', unit: 'box', store: 'ED', qty: '40', par: '100', yellowAt: '50', redAt: '10', holdingYellowAt: '80', holdingRedAt: '30' };

  it('sets per-row holding thresholds, and blank cells put a holding back on the item defaults', async () => {
    const { tx, id } = await seeded();
    await runMutation(tx, 'stock.setThresholds', { id, thresholds: { yellowAt: 5, redAt: 1 } }, ctx());
    const parsed = validateStockCsv(header, [{ ...good, holdingYellowAt: '', holdingRedAt: ' ' }, { ...good, store: 'ICU' }], newId);
    if (!parsed.ok) throw new Error('expected a valid file');
    await runMutation(tx, 'stock.import', { rows: parsed.rows }, ctx());
    const levels = await tx.query('stock', SPACE);
    expect(levels.find((l) => l.store === 'ED')?.thresholds).toBeUndefined();
    expect(levels.find((l) => l.store === 'ICU')?.thresholds).toEqual({ yellowAt: 80, redAt: 30 });
  });

  it('refuses the whole file with row and column for a half-set pair, a bad count or red above yellow', () => {
    const result = validateStockCsv(header, [good, { ...good, store: 'ICU', holdingRedAt: '' }, { ...good, store: 'OR', holdingYellowAt: 'x' }, { ...good, store: 'Ward', holdingYellowAt: '20', holdingRedAt: '21' }], newId);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, column: 'holdingRedAt', reason: 'required' },
        { row: 4, column: 'holdingYellowAt', reason: 'not_a_count' },
        { row: 5, column: 'holdingRedAt', reason: 'thresholds' },
      ],
    });
  });

  it('refuses a file with only one of the two holding-threshold columns', () => {
    expect(validateStockCsv([...stockCsvColumns, 'holdingYellowAt'], [good], newId)).toEqual({ ok: false, errors: [{ row: 1, column: 'holdingRedAt', reason: 'missing_column' }] });
  });
});
