import { z } from 'zod';
import { dailySeries, dayFromNumber, dayNumber, sameDayYearsBefore, type DailySeries, type Day } from './daily-series';

/**
 * How often an indicator is reported. Daily by default; weekly for figures a source only publishes per week (ILI %
 * in the national sentinel report, school absenteeism summaries). A weekly figure belongs to an ISO 8601 week
 * (Monday to Sunday) and is keyed by its Monday.
 */
export const FrequencySchema = z.enum(['daily', 'weekly']);
export type Frequency = z.infer<typeof FrequencySchema>;

/** Rows written before indicators had a frequency (and older desks, which strip the field) are daily. */
export const frequencyOf = (indicator: { frequency?: Frequency | undefined }): Frequency => indicator.frequency ?? 'daily';

/**
 * Period numbers: a daily series counts days since 1970-01-01; a weekly one counts ISO weeks, week 0 starting on
 * Monday 1969-12-29 (day −3), so week p starts on day 7p − 3. The methods see consecutive periods either way.
 */
const WEEK0_MONDAY = -3;

export function periodOfDay(day: number, frequency: Frequency): number {
  return frequency === 'weekly' ? Math.floor((day - WEEK0_MONDAY) / 7) : day;
}

export function periodStartDay(period: number, frequency: Frequency): number {
  return frequency === 'weekly' ? WEEK0_MONDAY + 7 * period : period;
}

/** The Monday of the ISO week holding `day` (a day number). */
export const mondayOf = (day: number): number => periodStartDay(periodOfDay(day, 'weekly'), 'weekly');

/** ISO week-numbering year and week of a day number: the week belongs to the year of its Thursday. */
export function isoWeek(day: number): { year: number; week: number } {
  const thursday = mondayOf(day) + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / 86_400_000;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** The Monday of ISO week `week` of `year`, or of its last week when the year has no week 53. */
function mondayOfIsoWeek(year: number, week: number): number {
  const week1Monday = mondayOf(Date.UTC(year, 0, 4) / 86_400_000);
  const weeks = isoWeek(Date.UTC(year, 11, 28) / 86_400_000).week;
  return week1Monday + 7 * (Math.min(week, weeks) - 1);
}

/**
 * The same period `years` earlier: the same calendar day, or for a weekly series the same ISO week number (week
 * 53 falls back to 52 in a year without one). The moving percentile's "same window of previous years".
 */
export function samePeriodYearsBefore(period: number, years: number, frequency: Frequency): number {
  if (frequency === 'daily') return sameDayYearsBefore(period, years);
  const { year, week } = isoWeek(periodStartDay(period, 'weekly'));
  return periodOfDay(mondayOfIsoWeek(year - years, week), 'weekly');
}

/** `2026-W48`, as ISO 8601 writes a week: what the chart and the entry label a weekly figure with. */
export function isoWeekLabel(day: Day): string {
  const n = dayNumber(day);
  if (n === null) return day;
  const { year, week } = isoWeek(n);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Why a day cannot key a figure of this frequency, or null when it can. A weekly figure dated another day of its
 * week is refused, not moved to the Monday: moving it would let a figure land on a week the user did not type,
 * and silently meet (and, with replace, overwrite) the figure already held there. The message names the Monday.
 */
export function periodKeyProblem(day: Day, frequency: Frequency): string | null {
  if (frequency === 'daily') return null;
  const n = dayNumber(day);
  if (n === null) return `${day} is not a calendar day`;
  const monday = mondayOf(n);
  if (monday === n) return null;
  return `${day} is not a Monday: a weekly figure is dated by the Monday its ISO week starts on, ${dayFromNumber(monday)} (${isoWeekLabel(day)})`;
}

/**
 * The per-period series of dated figures: days as they are, or weekly figures by their ISO week. Dates must already
 * be keys of the frequency (periodKeyProblem); one that is not is left out rather than folded into its week.
 */
export function periodSeries(points: readonly { date: Day; value: number }[], frequency: Frequency): DailySeries {
  if (frequency === 'daily') return dailySeries(points);
  const numbered = points.flatMap((p) => {
    const n = dayNumber(p.date);
    return n === null || mondayOf(n) !== n ? [] : [{ n: periodOfDay(n, 'weekly'), value: p.value }];
  });
  if (numbered.length === 0) return { first: 0, values: [], frequency };
  const first = Math.min(...numbered.map((p) => p.n));
  const last = Math.max(...numbered.map((p) => p.n));
  const values = new Array<number | null>(last - first + 1).fill(null);
  for (const p of numbered) values[p.n - first] = p.value;
  return { first, values, frequency };
}
