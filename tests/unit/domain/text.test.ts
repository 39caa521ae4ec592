import { describe, expect, it } from 'vitest';
import { validateBedCsv, bedCsvColumns } from '../../../src/domain/resources/bed-import';
import { DomainError } from '../../../src/domain/errors';
import { newId } from '../../../src/domain/ids';
import type { MutationContext } from '../../../src/domain/mutation';
import { runMutation } from '../../../src/domain/mutators';
import { validateStaffCsv } from '../../../src/domain/roster/staff-csv';
import { stockCsvColumns, validateStockCsv } from '../../../src/domain/resources/stock-import';
import { findUnsafeText, replaceUnsafeText } from '../../../src/domain/text';
import { makeActor } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const ctx = (o: Partial<MutationContext> = {}): MutationContext => ({
  at: Date.UTC(2026, 10, 26, 8, 0), actor: makeActor('logistics_chief'), space: 'demo-hospital', origin: 'workstation', ...o,
});

describe('the text rule', () => {
  it('accepts tab, newline, CRLF, Chinese and paired surrogates (emoji)', () => {
    expect(findUnsafeText({ note: 'a\tb\r\nc 发热门诊 😷', list: ['ok'] })).toBeNull();
  });

  it('names the path and the character of NUL, other C0 controls and lone surrogates, keys included', () => {
    expect(findUnsafeText({ rows: [{ item: 'ok' }, { item: 'N95\u0000' }] }, 'args')).toEqual({ path: 'args.rows.1.item', char: 'U+0000' });
    expect(findUnsafeText({ text: 'bell\u0007' })).toEqual({ path: 'text', char: 'U+0007' });
    expect(findUnsafeText({ text: 'half \uDC00 pair' })).toEqual({ path: 'text', char: 'U+DC00' });
    expect(findUnsafeText({ text: 'cut \uD83D' })).toEqual({ path: 'text', char: 'U+D83D' });
    expect(findUnsafeText({ ['k\u0001']: 1 })).toEqual({ path: '(key)', char: 'U+0001' });
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)?.char).toBe('U+0000');
  });

  it('makes refused text storable with U+FFFD', () => {
    expect(replaceUnsafeText({ a: ['N\u0000', '\uD800x'], ['k\u0002']: 'ok' })).toEqual({ a: ['N\uFFFD', '\uFFFDx'], ['k\uFFFD']: 'ok' });
  });

  it('refuses a mutation carrying unsafe text as invalid_text and writes nothing', async () => {
    const tx = makeMemoryTx();
    const error = await runMutation(tx, 'stock.receive', { id: newId(), item: 'N95\u0000', store: 'ED', qty: 1 }, ctx()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid_text', params: { field: 'args.item', char: 'U+0000' } });
    expect(await tx.query('stock', 'demo-hospital')).toEqual([]);
  });

  it('refuses a change dated outside 2000..2100 as time_out_of_range', async () => {
    const error = await runMutation(makeMemoryTx(), 'stock.receive', { id: newId(), item: 'N95', store: 'ED', qty: 1 }, ctx({ at: 9007199254740000 }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'time_out_of_range' });
  });
});

describe('CSV imports refuse unsafe text with row and column, all or nothing', () => {
  it('stock', () => {
    const good = { item: 'N95', category: 'ppe', unit: 'box', store: 'ED', qty: '1', par: '2', yellowAt: '1', redAt: '0' };
    const result = validateStockCsv([...stockCsvColumns], [good, { ...good, store: 'ICU', item: 'Gloves\u0000' }], newId);
    expect(result).toEqual({ ok: false, errors: [{ row: 3, column: 'item', reason: 'invalid_text' }] });
  });

  it('beds', () => {
    const good = { unit: 'ICU 1', type: 'adult_icu', staffed: '12', occupied: '9', surge: '2' };
    const result = validateBedCsv([...bedCsvColumns], [{ ...good, unit: 'ICU\uD800' }], newId);
    expect(result).toEqual({ ok: false, errors: [{ row: 2, column: 'unit', reason: 'invalid_text' }] });
  });

  it('staff', () => {
    const header = ['staff_no', 'name', 'department', 'profession', 'home_unit'];
    const record = { staff_no: 'S1', name: 'Li\u0000 Na', department: 'ED', profession: 'nurse', home_unit: 'ED' };
    const result = validateStaffCsv(header, [record]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([{ row: 2, column: 'name', reason: expect.stringContaining('U+0000') as unknown }]);
  });
});
