import { describe, expect, it } from 'vitest';
import type { BedCount } from '../../../src/domain/resources/beds';
import { BED_REPORT_WINDOW_MS, bedSummary, bedsOverTime } from '../../../src/domain/resources/beds';
import { DomainError } from '../../../src/domain/errors';
import { newId } from '../../../src/domain/ids';
import type { MutationContext } from '../../../src/domain/mutation';
import { runMutation } from '../../../src/domain/mutators';
import { resourceAccountingRecord, type ResourceRequest } from '../../../src/domain/resources/resource-requests';
import type { StockItem, StockLevel } from '../../../src/domain/resources/stock';
import { burnRatePerDay, daysOnHand, levelStatus, stockRows, stockTotals, stockTrend } from '../../../src/domain/resources/stock-calculations';
import { validateStockCsv, stockCsvColumns } from '../../../src/domain/resources/stock-import';
import { makeActor } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 26, 8, 0);
const ctx = (o: Partial<MutationContext> = {}): MutationContext => ({ at: T0, actor: makeActor('logistics_chief'), space: 'demo-hospital', origin: 'server', ...o });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const get = <T>(tx: ReturnType<typeof makeMemoryTx>, key: string) => tx.rows.get(key) as T | undefined;

describe('stock calculations', () => {
  const level = (moves: [number, 'issue' | 'receive' | 'transfer_out' | 'fill', number][], qty = 100): StockLevel => ({
    id: newId(), space: 'demo-hospital', item: 'N95', store: 'ED', qty, updatedAt: T0,
    history: moves.map(([daysAgo, kind, n]) => ({ at: T0 - daysAgo * DAY, kind, qty: n, by: 'u' })),
  });

  it('burn rate counts issues and fills inside the window, not receipts, transfers or older issues', () => {
    const l = level([[1, 'issue', 10], [2, 'fill', 4], [3, 'receive', 50], [3, 'transfer_out', 20], [10, 'issue', 99]]);
    expect(burnRatePerDay([l], T0, 7)).toBe(2);
    expect(burnRatePerDay([l], T0, 1)).toBe(0);
    expect(burnRatePerDay([l], T0, 14)).toBeCloseTo(113 / 14);
  });

  it('days on hand is quantity over burn rate, and unknown when nothing is used', () => {
    expect(daysOnHand(30, 2)).toBe(15);
    expect(daysOnHand(30, 0)).toBeNull();
  });

  it('colours a holding red at or below red, yellow at or below yellow, else green', () => {
    const item = { yellowAt: 50, redAt: 10 };
    expect([levelStatus(10, item), levelStatus(11, item), levelStatus(50, item), levelStatus(51, item)]).toEqual(['red', 'yellow', 'yellow', 'green']);
    expect(levelStatus(0, undefined)).toBe('green');
  });

  it('totals holdings per category and per store with their red and yellow counts', () => {
    const item: StockItem = { id: newId(), space: 'demo-hospital', name: 'N95', category: 'ppe', unit: 'each', par: 100, yellowAt: 50, redAt: 10 , updatedAt: T0 };
    const rows = stockRows([level([], 5), { ...level([], 70), store: 'ICU' }], [item], T0, 7);
    expect(stockTotals(rows, 'category')).toEqual([{ key: 'ppe', quantities: [{ unit: 'each', qty: 75 }], holdings: 2, red: 1, yellow: 0 }]);
    expect(stockTotals(rows, 'store').map((t) => [t.key, t.quantities])).toEqual([['ED', [{ unit: 'each', qty: 5 }]], ['ICU', [{ unit: 'each', qty: 70 }]]]);
  });

  it('rebuilds daily closing quantities backwards from today', () => {
    const trend = stockTrend(level([[0, 'issue', 10], [1, 'receive', 30]], 40), T0, 3);
    expect(trend.map((p) => [p.qty, p.used])).toEqual([[20, 0], [50, 0], [40, 10]]);
  });
});

describe('stock transfer', () => {
  it('moves stock to another store, creating the receiving holding', async () => {
    const tx = makeMemoryTx();
    const from = newId();
    const to = newId();
    await runMutation(tx, 'stock.receive', { id: from, item: 'gowns', store: 'Central', qty: 10 }, ctx());
    await runMutation(tx, 'stock.transfer', { id: from, toId: to, toStore: 'ED', qty: 4 }, ctx());
    expect(get<StockLevel>(tx, `stock/${from}`)?.qty).toBe(6);
    expect(get<StockLevel>(tx, `stock/${to}`)).toMatchObject({ item: 'gowns', store: 'ED', qty: 4 });
  });

  it('refuses to transfer more than the store holds', async () => {
    const tx = makeMemoryTx();
    const from = newId();
    await runMutation(tx, 'stock.receive', { id: from, item: 'gowns', store: 'Central', qty: 3 }, ctx());
    expect((await refusal(runMutation(tx, 'stock.transfer', { id: from, toId: newId(), toStore: 'ED', qty: 4 }, ctx()))).code).toBe('stock_negative');
  });
});

describe('stock CSV import', () => {
  const header = [...stockCsvColumns];
  const good = { item: 'N95', category: 'ppe', unit: 'each', store: 'ED', qty: '40', par: '100', yellowAt: '50', redAt: '10' };

  it('lists every bad cell with its row and column, and returns no rows', () => {
    const result = validateStockCsv(header, [good, { ...good, store: 'ICU', qty: '-3', category: 'toys' }, { ...good, item: '' }, good], newId);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, column: 'category', reason: 'unknown_category' },
        { row: 3, column: 'qty', reason: 'not_a_count' },
        { row: 4, column: 'item', reason: 'required' },
        { row: 5, column: 'store', reason: 'duplicate' },
      ],
    });
  });

  it('refuses a file missing a column', () => {
    expect(validateStockCsv(header.filter((c) => c !== 'par'), [good], newId)).toEqual({ ok: false, errors: [{ row: 1, column: 'par', reason: 'missing_column' }] });
  });

  it('imports items, stores and counted levels in one mutation, updating existing holdings by name', async () => {
    const tx = makeMemoryTx();
    const existing = newId();
    await runMutation(tx, 'stock.receive', { id: existing, item: 'N95', store: 'ED', qty: 5 }, ctx());
    const parsed = validateStockCsv(header, [good, { ...good, store: 'ICU', qty: '7' }, { ...good, item: 'Oxygen cylinder', category: 'oxygen' }], newId);
    if (!parsed.ok) throw new Error('expected a valid file');
    await runMutation(tx, 'stock.import', { rows: parsed.rows }, ctx());
    const levels = (await tx.query('stock', 'demo-hospital')).map((l) => [l.item, l.store, l.qty]).sort();
    expect(levels).toEqual([['N95', 'ED', 40], ['N95', 'ICU', 7], ['Oxygen cylinder', 'ED', 40]]);
    expect(get<StockLevel>(tx, `stock/${existing}`)?.qty).toBe(40);
    expect((await tx.query('stockItem', 'demo-hospital')).map((i) => i.name).sort()).toEqual(['N95', 'Oxygen cylinder']);
    expect((await tx.query('store', 'demo-hospital')).map((s) => s.name).sort()).toEqual(['ED', 'ICU']);
  });

  it('refuses thresholds with red above yellow', async () => {
    expect((await refusal(runMutation(makeMemoryTx(), 'stock.saveItem', { id: newId(), name: 'x', category: 'ppe', unit: 'box', par: 1, yellowAt: 1, redAt: 2 }, ctx()))).code).toBe('invalid_args');
  });
});

describe('beds', () => {
  it('derives available beds and stamps only the figures that changed', async () => {
    const tx = makeMemoryTx();
    const id = newId();
    await runMutation(tx, 'bed.update', { id, unit: 'ICU-1', type: 'adult_icu', staffed: 10, occupied: 6, surge: 2 }, ctx());
    await runMutation(tx, 'bed.update', { id, occupied: 8 }, ctx({ at: T0 + 60_000 }));
    const bed = get<BedCount>(tx, `bedCount/${id}`);
    expect(bed).toMatchObject({ staffed: 10, occupied: 8, available: 2, surge: 2 });
    expect(bed?.changedAt).toEqual({ staffed: T0, occupied: T0 + 60_000, available: T0 + 60_000, surge: T0 });
    expect(bedSummary(bed ? [bed] : []).find((l) => l.type === 'adult_icu')).toMatchObject({ units: 1, available: 2 });
  });

  it("keeps one history point when the same person corrects a figure within a minute, so a slip leaves no spike", async () => {
    const tx = makeMemoryTx();
    const id = newId();
    await runMutation(tx, 'bed.update', { id, unit: 'ICU-1', type: 'adult_icu', staffed: 10, occupied: 6 }, ctx());
    await runMutation(tx, 'bed.update', { id, staffed: 46 }, ctx({ at: T0 + 120_000 }));
    await runMutation(tx, 'bed.update', { id, staffed: 16 }, ctx({ at: T0 + 120_000 + BED_REPORT_WINDOW_MS - 1 }));
    const bed = get<BedCount>(tx, `bedCount/${id}`);
    expect(bed?.history.map((h) => [h.at - T0, h.available])).toEqual([[0, 4], [120_000 + BED_REPORT_WINDOW_MS - 1, 10]]);
    expect(bedsOverTime(bed ? [bed] : []).map((p) => p.available.adult_icu)).toEqual([4, 10]);
  });

  it("keeps separate points for another person's report and for the same person's report a minute later", async () => {
    const tx = makeMemoryTx();
    const id = newId();
    const nurse = makeActor('operator');
    await runMutation(tx, 'bed.update', { id, unit: 'ICU-1', type: 'adult_icu', staffed: 10, occupied: 6 }, ctx());
    await runMutation(tx, 'bed.update', { id, occupied: 7 }, ctx({ at: T0 + 1000, actor: nurse }));
    await runMutation(tx, 'bed.update', { id, occupied: 8 }, ctx({ at: T0 + 1000 + BED_REPORT_WINDOW_MS, actor: nurse }));
    const history = get<BedCount>(tx, `bedCount/${id}`)?.history ?? [];
    expect(history.map((h) => [h.at - T0, h.occupied])).toEqual([[0, 6], [1000, 7], [1000 + BED_REPORT_WINDOW_MS, 8]]);
  });

  it('refuses a new bed line without a unit', async () => {
    expect((await refusal(runMutation(makeMemoryTx(), 'bed.update', { id: newId(), type: 'burn', staffed: 1 }, ctx()))).code).toBe('invalid_args');
  });
});

describe('resource requests', () => {
  async function approved(tx: ReturnType<typeof makeMemoryTx>, stockId: string) {
    const id = newId();
    await runMutation(tx, 'stock.receive', { id: stockId, item: 'N95', store: 'Central', qty: 30 }, ctx());
    await runMutation(tx, 'request.raise', { id, item: 'N95', qty: 25, neededBy: T0 + DAY, priority: 'urgent', justification: 'surge in ED', section: 'Operations' }, ctx({ actor: makeActor('operator') }));
    await runMutation(tx, 'request.approve', { id }, ctx());
    return id;
  }

  it('fills in part then in whole, issuing stock, and derives the accounting record', async () => {
    const tx = makeMemoryTx();
    const stockId = newId();
    const id = await approved(tx, stockId);
    await runMutation(tx, 'request.fill', { id, stockId, qty: 10 }, ctx());
    expect(get<ResourceRequest>(tx, `resourceRequest/${id}`)?.status).toBe('partially_filled');
    await runMutation(tx, 'request.fill', { id, stockId, qty: 15 }, ctx({ at: T0 + 1 }));
    const request = get<ResourceRequest>(tx, `resourceRequest/${id}`);
    expect(request?.status).toBe('filled');
    expect(get<StockLevel>(tx, `stock/${stockId}`)?.qty).toBe(5);
    expect(resourceAccountingRecord(request ? [request] : []).map((l) => [l.qty, l.store, l.requestedBy])).toEqual([[10, 'Central', 'user-operator'], [15, 'Central', 'user-operator']]);
  });

  it('refuses to fill more than is outstanding or than the store holds', async () => {
    const tx = makeMemoryTx();
    const stockId = newId();
    const id = await approved(tx, stockId);
    expect((await refusal(runMutation(tx, 'request.fill', { id, stockId, qty: 26 }, ctx()))).code).toBe('invalid_args');
    await runMutation(tx, 'stock.issue', { id: stockId, qty: 20 }, ctx());
    expect((await refusal(runMutation(tx, 'request.fill', { id, stockId, qty: 11 }, ctx()))).code).toBe('stock_negative');
  });

  it('lets only Logistics approve, and refuses to fill a pending or rejected request', async () => {
    const tx = makeMemoryTx();
    const id = newId();
    await runMutation(tx, 'request.raise', { id, item: 'N95', qty: 5, neededBy: T0, priority: 'routine', justification: 'restock', section: 'Planning' }, ctx());
    expect((await refusal(runMutation(tx, 'request.approve', { id }, ctx({ actor: makeActor('operator') })))).code).toBe('forbidden');
    expect((await refusal(runMutation(tx, 'request.fill', { id, stockId: newId(), qty: 1 }, ctx()))).code).toBe('invalid_transition');
    await runMutation(tx, 'request.reject', { id, reason: 'not needed' }, ctx());
    expect((await refusal(runMutation(tx, 'request.approve', { id }, ctx()))).code).toBe('invalid_transition');
  });
});
