import { describe, expect, it } from 'vitest';
import { bedCsvColumns, validateBedCsv } from '../../../src/domain/resources/bed-import';
import { BED_HISTORY_LIMIT, BED_REPORT_WINDOW_MS, bedStatus, bedsOverTime } from '../../../src/domain/resources/beds';
import { newId } from '../../../src/domain/ids';
import type { MutationContext } from '../../../src/domain/mutation';
import { runMutation } from '../../../src/domain/mutators';
import { makeActor } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';

const T0 = Date.UTC(2026, 10, 26, 8, 0);
const ctx = (o: Partial<MutationContext> = {}): MutationContext => ({ at: T0, actor: makeActor('logistics_chief'), space: 'demo-hospital', origin: 'server', ...o });
const header = [...bedCsvColumns];
const good = { unit: 'ICU 1', type: 'adult_icu', staffed: '12', occupied: '9', surge: '2' };

describe('bed CSV import', () => {
  it('lists every bad cell with its row and column, and returns no rows', () => {
    const result = validateBedCsv(header, [good, { ...good, unit: 'ICU 2', type: 'icu', staffed: '-1' }, { ...good, unit: '' }, good], newId);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, column: 'type', reason: 'unknown_bed_type' },
        { row: 3, column: 'staffed', reason: 'not_a_count' },
        { row: 4, column: 'unit', reason: 'required' },
        { row: 5, column: 'type', reason: 'duplicate' },
      ],
    });
  });

  it('refuses a file missing a column', () => {
    expect(validateBedCsv(header.filter((c) => c !== 'surge'), [good], newId)).toEqual({ ok: false, errors: [{ row: 1, column: 'surge', reason: 'missing_column' }] });
  });

  it('updates existing lines by unit and type and creates new ones, in one mutation', async () => {
    const tx = makeMemoryTx();
    const existing = newId();
    await runMutation(tx, 'bed.update', { id: existing, unit: 'ICU 1', type: 'adult_icu', staffed: 4, occupied: 1, surge: 0 }, ctx());
    const parsed = validateBedCsv(header, [good, { ...good, unit: 'ED', type: 'emergency_department', occupied: '3' }], newId);
    if (!parsed.ok) throw new Error('expected a valid file');
    await runMutation(tx, 'bed.import', { rows: parsed.rows }, ctx({ at: T0 + 60_000 }));
    const beds = await tx.query('bedCount', 'demo-hospital');
    expect(beds.map((b) => [b.unit, b.staffed, b.occupied, b.available]).sort()).toEqual([['ED', 12, 3, 9], ['ICU 1', 12, 9, 3]]);
    expect(beds.find((b) => b.unit === 'ICU 1')?.id).toBe(existing);
  });
});

describe('bed history', () => {
  it('keeps a capped snapshot per report, from which available beds by type over time are drawn', async () => {
    const tx = makeMemoryTx();
    const icu = newId();
    const ed = newId();
    await runMutation(tx, 'bed.update', { id: icu, unit: 'ICU 1', type: 'adult_icu', staffed: 10, occupied: 4 }, ctx());
    await runMutation(tx, 'bed.update', { id: ed, unit: 'ED', type: 'emergency_department', staffed: 20, occupied: 5 }, ctx({ at: T0 + 1000 }));
    // Reports a minute apart: one person's reports closer together are corrections and share one point.
    await runMutation(tx, 'bed.update', { id: icu, occupied: 9 }, ctx({ at: T0 + BED_REPORT_WINDOW_MS }));
    const beds = await tx.query('bedCount', 'demo-hospital');
    expect(bedsOverTime(beds).map((p) => [p.at - T0, p.available.adult_icu, p.available.emergency_department])).toEqual([[0, 6, 0], [1000, 6, 15], [BED_REPORT_WINDOW_MS, 1, 15]]);
    const later = T0 + 2 * BED_REPORT_WINDOW_MS;
    for (let i = 0; i < BED_HISTORY_LIMIT + 5; i++) await runMutation(tx, 'bed.update', { id: icu, occupied: i % 10 }, ctx({ at: later + i * BED_REPORT_WINDOW_MS }));
    const history = (await tx.get('bedCount', icu))?.history ?? [];
    expect(history).toHaveLength(BED_HISTORY_LIMIT);
    expect(history.at(-1)?.at).toBe(later + (BED_HISTORY_LIMIT + 4) * BED_REPORT_WINDOW_MS);
  });

  it('colours a line red with none available, yellow at a tenth of staffed or two, else green', () => {
    expect([bedStatus(0, 10), bedStatus(2, 10), bedStatus(3, 10), bedStatus(5, 50), bedStatus(6, 50)]).toEqual(['red', 'yellow', 'green', 'yellow', 'green']);
  });
});
