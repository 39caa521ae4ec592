import { z } from 'zod';
import type { Frequency } from './periods';

/** A hospital-local calendar day, `YYYY-MM-DD`: observations are per day, never per instant. */
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD').refine((day) => dayNumber(day) !== null, 'must be a real calendar day');
export type Day = z.infer<typeof DaySchema>;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01, or null when the text is not a real calendar day (2026-02-30). */
export function dayNumber(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return null;
  return ms / MS_PER_DAY;
}

export function dayFromNumber(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same calendar day `years` earlier; 29 February falls back to the 28th. */
export function sameDayYearsBefore(n: number, years: number): number {
  const d = new Date(n * MS_PER_DAY);
  const year = d.getUTCFullYear() - years;
  const month = d.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastOfMonth)) / MS_PER_DAY;
}

/**
 * One value a period from `first` on, with no period skipped: `values[i]` is period `first + i`, and null where
 * nothing was reported. A missing period is not a zero: the methods evaluate it grey and keep it out of baselines.
 * Periods are days unless `frequency` is weekly, when they are ISO weeks (periods.ts maps them to their Mondays):
 * the methods count periods, so a weekly C1's "7-day" baseline is the 7 weeks before.
 */
export type DailySeries = { first: number; values: (number | null)[]; frequency?: Frequency };

export function dailySeries(points: readonly { date: Day; value: number }[]): DailySeries {
  const numbered = points.map((p) => ({ n: dayNumber(p.date), value: p.value }));
  let first = Infinity;
  let last = -Infinity;
  for (const p of numbered) {
    if (p.n === null) continue;
    first = Math.min(first, p.n);
    last = Math.max(last, p.n);
  }
  if (first > last) return { first: 0, values: [] };
  const values: (number | null)[] = new Array<number | null>(last - first + 1).fill(null);
  for (const p of numbered) if (p.n !== null) values[p.n - first] = p.value;
  return { first, values };
}
