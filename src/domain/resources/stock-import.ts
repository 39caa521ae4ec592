import { z } from 'zod';
import { unsafeChar } from '../text';
import { IdSchema } from '../ids';
import { StockCategorySchema, StockCountSchema, StockLabelSchema, StockThresholdsSchema } from './stock';

/** Columns of the stock CSV: one row is one item held in one store, with the item's catalogue fields. */
export const stockCsvColumns = ['item', 'category', 'unit', 'store', 'qty', 'par', 'yellowAt', 'redAt'] as const;
/**
 * Optional columns: the holding's own thresholds. Both filled set them, both blank put the holding back on the
 * item's defaults (so an exported grid re-imports unchanged), one alone is an error; without the columns a
 * holding keeps whatever thresholds it had.
 */
export const holdingThresholdColumns = ['holdingYellowAt', 'holdingRedAt'] as const;
export type StockCsvColumn = (typeof stockCsvColumns)[number] | (typeof holdingThresholdColumns)[number];

export const ImportRowErrorReasonSchema = z.enum(['missing_column', 'required', 'not_a_count', 'unknown_category', 'too_long', 'duplicate', 'thresholds', 'unknown_bed_type', 'invalid_text']);
export type ImportRowErrorReason = z.infer<typeof ImportRowErrorReasonSchema>;
/** `row` counts from 1 for the header, as a spreadsheet shows it, so the first data row is row 2. */
export type ImportRowError = { row: number; column: string; reason: ImportRowErrorReason };

export const StockImportRowSchema = z.strictObject({
  item: StockLabelSchema,
  category: StockCategorySchema,
  unit: z.string().trim().min(1).max(40),
  store: StockLabelSchema,
  qty: StockCountSchema,
  par: StockCountSchema,
  yellowAt: StockCountSchema,
  redAt: StockCountSchema,
  /** The holding's own thresholds; null clears them, absent leaves them as they are. */
  holdingThresholds: StockThresholdsSchema.nullable().optional(),
  /** Made by the importing workstation, used only when the holding is new. */
  levelId: IdSchema,
});
export type StockImportRow = z.infer<typeof StockImportRowSchema>;

/** An import is one mutation: it is validated whole and writes all of it or nothing. */
export const StockImportArgsSchema = z.strictObject({ rows: z.array(StockImportRowSchema).min(1).max(2000) });

const counts: readonly StockCsvColumn[] = ['qty', 'par', 'yellowAt', 'redAt', 'holdingYellowAt', 'holdingRedAt'];

function checkCell(column: StockCsvColumn, raw: string): ImportRowErrorReason | null {
  if (unsafeChar(raw)) return 'invalid_text';
  const value = raw.trim();
  if (value === '') return 'required';
  if (counts.includes(column)) return /^\d{1,10}$/.test(value) && Number(value) <= 1_000_000_000 ? null : 'not_a_count';
  if (column === 'category') return StockCategorySchema.safeParse(value).success ? null : 'unknown_category';
  return value.length > (column === 'unit' ? 40 : 100) ? 'too_long' : null;
}

/**
 * Checks every row of a parsed CSV (header keys to cell text) and returns all the problems at once, so the user
 * fixes the file in one pass; rows come back only when there is no problem at all.
 */
export function validateStockCsv(
  header: readonly string[],
  records: readonly Record<string, string | undefined>[],
  makeId: () => string,
): { ok: true; rows: StockImportRow[] } | { ok: false; errors: ImportRowError[] } {
  // The holding-threshold columns come as a pair: one without the other is a missing column, not a silent half.
  const withHoldingColumns = holdingThresholdColumns.some((c) => header.includes(c));
  const missing = [...stockCsvColumns, ...(withHoldingColumns ? holdingThresholdColumns : [])].filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, errors: missing.map((column) => ({ row: 1, column, reason: 'missing_column' })) };
  const errors: ImportRowError[] = [];
  const rows: StockImportRow[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const row = index + 2;
    const rowErrors: ImportRowError[] = stockCsvColumns.flatMap((column) => {
      const reason = checkCell(column, record[column] ?? '');
      return reason ? [{ row, column, reason }] : [];
    });
    const holding = withHoldingColumns ? holdingThresholds(record, row) : undefined;
    if (holding && 'errors' in holding) rowErrors.push(...holding.errors);
    const key = `${(record.item ?? '').trim()}\u0000${(record.store ?? '').trim()}`;
    if (!rowErrors.length && seen.has(key)) rowErrors.push({ row, column: 'store', reason: 'duplicate' });
    seen.add(key);
    const num = (c: StockCsvColumn) => Number((record[c] ?? '').trim());
    if (!rowErrors.length && num('redAt') > num('yellowAt')) rowErrors.push({ row, column: 'redAt', reason: 'thresholds' });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      return;
    }
    rows.push({
      item: (record.item ?? '').trim(),
      category: StockCategorySchema.parse((record.category ?? '').trim()),
      unit: (record.unit ?? '').trim(),
      store: (record.store ?? '').trim(),
      qty: num('qty'),
      par: num('par'),
      yellowAt: num('yellowAt'),
      redAt: num('redAt'),
      ...(holding && !('errors' in holding) ? { holdingThresholds: holding.thresholds } : {}),
      levelId: makeId(),
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

/** A row's holding thresholds: both cells blank is null (use the item's), both counts set them, else the faults. */
function holdingThresholds(record: Readonly<Record<string, string | undefined>>, row: number): { thresholds: { yellowAt: number; redAt: number } | null } | { errors: ImportRowError[] } {
  const [yellowRaw, redRaw] = holdingThresholdColumns.map((c) => record[c] ?? '');
  if ((yellowRaw ?? '').trim() === '' && (redRaw ?? '').trim() === '') return { thresholds: null };
  const errors = holdingThresholdColumns.flatMap((column) => {
    const reason = checkCell(column, record[column] ?? '');
    return reason ? [{ row, column, reason }] : [];
  });
  if (errors.length) return { errors };
  const yellowAt = Number((yellowRaw ?? '').trim());
  const redAt = Number((redRaw ?? '').trim());
  return redAt > yellowAt ? { errors: [{ row, column: 'holdingRedAt', reason: 'thresholds' }] } : { thresholds: { yellowAt, redAt } };
}
