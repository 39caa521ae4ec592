import { z } from 'zod';
import { toCsvCell } from '../csv-cell';
import { IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';

/** Spending categories for the incident's cost summary (HICS 256 lines grouped as Finance reports them). */
export const CostCategorySchema = z.enum(['medical_supplies', 'pharmaceuticals', 'equipment', 'services', 'food', 'transport', 'facilities', 'other']);
export type CostCategory = z.infer<typeof CostCategorySchema>;

const Money = z.number().nonnegative().max(1e9).refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { message: 'at most two decimals' });
const Person = z.string().trim().min(1, { message: 'must not be empty' }).max(200);

export const CostLineFieldsSchema = z.object({
  /** When it was bought (the 256's date/time). */
  date: StoredEpochMsSchema,
  item: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
  vendor: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
  category: CostCategorySchema,
  quantity: z.number().positive().max(1e7),
  unitCost: Money,
  requestedBy: Person,
  approvedBy: Person,
  /** P.O. or other reference, if any. */
  reference: z.string().trim().max(100).default(''),
});

/** One purchase for the incident (kind `costLine`), as the HICS 256 Procurement Summary lists it. */
export const CostLineSchema = CostLineFieldsSchema.extend({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  total: z.number().nonnegative(),
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
});
export type CostLine = z.infer<typeof CostLineSchema>;

/** Quantity × unit cost, to the cent: every desk and the server round the same way. */
export function lineTotal(quantity: number, unitCost: number): number {
  return Math.round(quantity * unitCost * 100) / 100;
}

const cents = (n: number) => Math.round(n * 100);

/** Totals per category (categories without a line left out) and the grand total, summed in cents. */
export function costTotals(lines: readonly CostLine[]): { byCategory: { category: CostCategory; total: number; lines: number }[]; total: number } {
  const byCategory = CostCategorySchema.options.flatMap((category) => {
    const of = lines.filter((l) => l.category === category);
    return of.length === 0 ? [] : [{ category, total: of.reduce((n, l) => n + cents(l.total), 0) / 100, lines: of.length }];
  });
  return { byCategory, total: lines.reduce((n, l) => n + cents(l.total), 0) / 100 };
}

export const COST_CSV_COLUMNS = ['date', 'item', 'vendor', 'category', 'quantity', 'unit_cost', 'total', 'requested_by', 'approved_by', 'reference'] as const;

function quoted(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * The procurement list as CSV, oldest first, dates as ISO strings (UTC): a spreadsheet for Finance. Cells a
 * spreadsheet would run as a formula are neutralised (csv-cell.ts).
 */
export function costCsv(lines: readonly CostLine[]): string {
  const rows = [...lines].sort((a, b) => a.date - b.date || (a.id < b.id ? -1 : 1)).map((l) =>
    [new Date(l.date).toISOString(), l.item, l.vendor, l.category, l.quantity, l.unitCost.toFixed(2), l.total.toFixed(2), l.requestedBy, l.approvedBy, l.reference]
      .map((cell) => quoted(toCsvCell(cell))).join(','),
  );
  return [COST_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
