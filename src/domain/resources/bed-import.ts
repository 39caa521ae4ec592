import { z } from 'zod';
import { unsafeChar } from '../text';
import { BedCountSchema, BedTypeSchema } from './beds';
import { IdSchema } from '../ids';
import type { ImportRowError, ImportRowErrorReason } from './stock-import';

/** Columns of the bed CSV: one row is one unit's beds of one HAvBED type (available is derived, never imported). */
export const bedCsvColumns = ['unit', 'type', 'staffed', 'occupied', 'surge'] as const;
export type BedCsvColumn = (typeof bedCsvColumns)[number];

const Count = z.number().int().nonnegative().max(100_000);

export const BedImportRowSchema = z.strictObject({
  unit: BedCountSchema.shape.unit,
  type: BedTypeSchema,
  staffed: Count,
  occupied: Count,
  surge: Count,
  /** Made by the importing workstation, used only when the unit has no line of this type yet. */
  id: IdSchema,
});
export type BedImportRow = z.infer<typeof BedImportRowSchema>;

/** Like the stock import: one mutation, validated whole, all of it or nothing. */
export const BedImportArgsSchema = z.strictObject({ rows: z.array(BedImportRowSchema).min(1).max(2000) });

function checkCell(column: BedCsvColumn, raw: string): ImportRowErrorReason | null {
  if (unsafeChar(raw)) return 'invalid_text';
  const value = raw.trim();
  if (value === '') return 'required';
  if (column === 'unit') return value.length > 100 ? 'too_long' : null;
  if (column === 'type') return BedTypeSchema.safeParse(value).success ? null : 'unknown_bed_type';
  return /^\d{1,6}$/.test(value) && Number(value) <= 100_000 ? null : 'not_a_count';
}

/** Checks every row of a parsed bed CSV and returns every problem at once; rows only when there is none. */
export function validateBedCsv(
  header: readonly string[],
  records: readonly Record<string, string | undefined>[],
  makeId: () => string,
): { ok: true; rows: BedImportRow[] } | { ok: false; errors: ImportRowError[] } {
  const missing = bedCsvColumns.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, errors: missing.map((column) => ({ row: 1, column, reason: 'missing_column' })) };
  const errors: ImportRowError[] = [];
  const rows: BedImportRow[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const row = index + 2;
    const rowErrors: ImportRowError[] = bedCsvColumns.flatMap((column) => {
      const reason = checkCell(column, record[column] ?? '');
      return reason ? [{ row, column, reason }] : [];
    });
    const key = `${(record.unit ?? '').trim()}\u0000${(record.type ?? '').trim()}`;
    if (!rowErrors.length && seen.has(key)) rowErrors.push({ row, column: 'type', reason: 'duplicate' });
    seen.add(key);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      return;
    }
    const num = (c: BedCsvColumn) => Number((record[c] ?? '').trim());
    rows.push({
      unit: (record.unit ?? '').trim(),
      type: BedTypeSchema.parse((record.type ?? '').trim()),
      staffed: num('staffed'),
      occupied: num('occupied'),
      surge: num('surge'),
      id: makeId(),
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
