import { unsafeChar } from '../text';
import { dayFromNumber, dayNumber, type DailySeries } from './daily-series';
import { mondayOf, periodSeries, type Frequency } from './periods';

/**
 * Columns of a surveillance series file: one row a day (or a week, dated by its Monday), `date` as YYYY-MM-DD and
 * the period's count (or percent).
 */
export const seriesCsvColumns = ['date', 'count'] as const;

export type SeriesCsvErrorReason = 'missing_column' | 'required' | 'not_a_date' | 'not_a_monday' | 'not_a_number' | 'duplicate' | 'invalid_text' | 'empty';
/** `row` counts from 1 for the header, as a spreadsheet shows it; `monday` is the week's Monday of a `not_a_monday`. */
export type SeriesCsvError = { row: number; column: string; reason: SeriesCsvErrorReason; monday?: string };

const NUMBER = /^\d{1,9}(\.\d{1,6})?$/;

/**
 * Checks every row of a parsed series file and returns every problem at once; the series only when there is none
 * (all or nothing). A day listed twice is refused, never summed or overwritten: which of the two is right is the
 * user's call. Days not listed are gaps, not zeros. A weekly file lists Mondays; another day of the week is refused
 * with its Monday named (periods.ts says why refused rather than moved).
 */
export function validateSeriesCsv(
  header: readonly string[],
  records: readonly Record<string, string | undefined>[],
  frequency: Frequency = 'daily',
): { ok: true; series: DailySeries } | { ok: false; errors: SeriesCsvError[] } {
  const missing = seriesCsvColumns.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, errors: missing.map((column) => ({ row: 1, column, reason: 'missing_column' })) };
  if (records.length === 0) return { ok: false, errors: [{ row: 2, column: 'date', reason: 'empty' }] };
  const errors: SeriesCsvError[] = [];
  const points: { date: string; value: number }[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const row = index + 2;
    const date = (record.date ?? '').trim();
    const count = (record.count ?? '').trim();
    const before = errors.length;
    for (const [column, raw] of [['date', record.date ?? ''], ['count', record.count ?? '']] as const) {
      if (unsafeChar(raw)) errors.push({ row, column, reason: 'invalid_text' });
      else if (raw.trim() === '') errors.push({ row, column, reason: 'required' });
    }
    if (errors.length > before) return;
    const n = dayNumber(date);
    if (n === null) errors.push({ row, column: 'date', reason: 'not_a_date' });
    else if (frequency === 'weekly' && mondayOf(n) !== n) errors.push({ row, column: 'date', reason: 'not_a_monday', monday: dayFromNumber(mondayOf(n)) });
    else if (seen.has(date)) errors.push({ row, column: 'date', reason: 'duplicate' });
    if (!NUMBER.test(count)) errors.push({ row, column: 'count', reason: 'not_a_number' });
    seen.add(date);
    if (errors.length === before) points.push({ date, value: Number(count) });
  });
  return errors.length ? { ok: false, errors } : { ok: true, series: periodSeries(points, frequency) };
}
